// A BH work (softirq context, Linux 6.9) takes a spinlock that a thread
// in process context takes with a plain spin_lock: on that thread's CPU
// the BH work runs on top of the holder and spins for ever.  The fix
// takes it with spin_lock_bh.  Besides the BH queue (process context
// before), the search never tried the work reaching the lock while the
// thread held it: the thread's exit ordered it before the worker's
// taking of the work, a race partial-order reduction skipped as a
// release enabling a blocking step (found by a probe of kernel
// deadlocks).
//! expect: bug deadlock
#include <linux/spinlock.h>
#include <linux/workqueue.h>

static DEFINE_SPINLOCK(sl);
static struct work_struct w2;
static int n;

static void spinner(struct work_struct *w)
{
	(void)w;
	spin_lock(&sl);
	n++;
	spin_unlock(&sl);
}

static void proc_ctx(void *arg)
{
	(void)arg;
#ifdef OK
	spin_lock_bh(&sl);
	n--;
	spin_unlock_bh(&sl);
#else
	spin_lock(&sl);
	n--;
	spin_unlock(&sl);
#endif
}

WEFT_TEST(bh_work_vs_process)
{
	weft_thread_t t;

	INIT_WORK(&w2, spinner);
	t = weft_spawn(proc_ctx, NULL);
	queue_work(system_bh_wq, &w2);
	weft_join(t);
	flush_work(&w2);
}
