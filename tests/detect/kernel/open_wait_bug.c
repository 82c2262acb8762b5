// An open-coded wait (prepare_to_wait, schedule, finish_wait) that checks
// its condition before going on the queue: a producer that sets the flag
// and wakes the queue between the check and the prepare is lost, and the
// consumer sleeps for ever.  open_wait_ok.c checks after the prepare, the
// kernel's pattern; both used to fail to compile ("prepare_to_wait/
// finish_wait is not modelled").
//! expect: bug deadlock
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/wait.h>

static DECLARE_WAIT_QUEUE_HEAD(data_wq);
static int ready;
static int payload;

static int producer(void *arg)
{
	(void)arg;
	payload = 42;
	smp_store_release(&ready, 1);
	wake_up(&data_wq);
	return 0;
}

WEFT_TEST(open_coded_wait)
{
	struct task_struct *t = kthread_create(producer, NULL, "producer");
	get_task_struct(t);
	wake_up_process(t);
	DEFINE_WAIT(wait);

#ifdef OK
	for (;;) {
		prepare_to_wait(&data_wq, &wait, TASK_UNINTERRUPTIBLE);
		if (smp_load_acquire(&ready))
			break;
		schedule();
	}
#else
	while (!smp_load_acquire(&ready)) {
		prepare_to_wait(&data_wq, &wait, TASK_UNINTERRUPTIBLE);
		schedule();
	}
#endif
	finish_wait(&data_wq, &wait);
	BUG_ON(payload != 42);
	kthread_stop(t);
	put_task_struct(t);
}
