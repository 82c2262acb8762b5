// The stats work ran and was flushed; later the remove path holds m and
// flushes and cancels it once more (the work takes m).  Here an open path
// queues the work again concurrently, so the flush under m may find it
// pending and wait for it while it waits for m.  The fix has nothing
// queue it again: the flush and cancel of an idle work wait for nothing
// and order nothing (as lockdep since Linux 6.9); both were reported
// lock-order, m -> stats_fn -> m.
//! expect: bug deadlock
#include <linux/workqueue.h>
#include <linux/mutex.h>

static DEFINE_MUTEX(m);
static struct work_struct w;
static int stats;

static void stats_fn(struct work_struct *x)
{
	(void)x;
	mutex_lock(&m);
	stats++;
	mutex_unlock(&m);
}

static void opener(void *a)
{
	(void)a;
#ifndef FIXED
	schedule_work(&w);
#endif
}

WEFT_TEST(flush_idle_lockorder)
{
	INIT_WORK(&w, stats_fn);
	schedule_work(&w);
	flush_work(&w);
	weft_thread_t t = weft_spawn(opener, NULL);
	mutex_lock(&m);
	flush_work(&w);
	cancel_work_sync(&w);
	stats = -1;
	mutex_unlock(&m);
	weft_join(t);
	flush_work(&w);
}
