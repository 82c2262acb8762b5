// A work on system_bh_wq runs in softirq context (Linux 6.9), so taking a
// mutex there sleeps in atomic context.  weft ran BH works in process
// context and verified this (found by a probe of kernel deadlocks).  The
// fix queues the work on system_wq.
//! expect: bug misuse
#include <linux/mutex.h>
#include <linux/workqueue.h>

static DEFINE_MUTEX(mx);
static struct work_struct w1;
static int n;

static void sleeper(struct work_struct *w)
{
	(void)w;
	mutex_lock(&mx);
	n++;
	mutex_unlock(&mx);
}

WEFT_TEST(bh_work_sleeps)
{
	INIT_WORK(&w1, sleeper);
#ifdef OK
	queue_work(system_wq, &w1);
#else
	queue_work(system_bh_wq, &w1);
#endif
	flush_work(&w1);
}
