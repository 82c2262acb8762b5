// A writer fills a buffer with plain stores and raises a flag with
// WRITE_ONCE, no barrier between; the reader waits for the flag with
// READ_ONCE and reads the buffer.  In the kernel memory model WRITE_ONCE
// orders nothing before it (it is what atomic_set is): the reader may
// see the flag and old data, a data race.  weft took WRITE_ONCE for a
// release and verified it, while the same program with atomic_set was
// reported (a helper's probe).  once_order_ok has smp_wmb before the
// flag, and smp_store_release.
//! expect(write_once_flag): bug data-race
#include <linux/atomic.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>

static int data[2];
static int flag;

static int writer(void *arg)
{
	(void)arg;
	data[0] = 1;
	data[1] = 2;
#ifdef FENCED
	smp_wmb();
#endif
	WRITE_ONCE(flag, 1);
	return 0;
}

WEFT_TEST(write_once_flag)
{
	struct task_struct *t = kthread_create(writer, NULL, "writer");
	get_task_struct(t);
	wake_up_process(t);

	while (!READ_ONCE(flag))
		cpu_relax();
	WARN_ON(data[0] + data[1] != 3);
	kthread_stop(t);
	put_task_struct(t);
}
