// A writer waits on an rcuwait for the readers to drain; the last reader
// wakes it before it clears its count, so the writer can check the count
// (still one), go to sleep after the wake-up and never be woken again.
// rcuwait_ok.c clears the count first.
//! expect: bug deadlock
#include <linux/kthread.h>
#include <linux/rcuwait.h>
#include <linux/sched.h>

static struct rcuwait writer_wait = __RCUWAIT_INITIALIZER(writer_wait);
static int readers = 1;

static int reader(void *arg)
{
	(void)arg;
#ifdef OK
	WRITE_ONCE(readers, 0);
	rcuwait_wake_up(&writer_wait);
#else
	rcuwait_wake_up(&writer_wait);
	WRITE_ONCE(readers, 0);
#endif
	return 0;
}

WEFT_TEST(writer_waits_for_readers)
{
	struct task_struct *t = kthread_create(reader, NULL, "reader");
	get_task_struct(t);
	wake_up_process(t);

	rcuwait_wait_event(&writer_wait, READ_ONCE(readers) == 0,
			   TASK_UNINTERRUPTIBLE);
	kthread_stop(t);
	put_task_struct(t);
}
