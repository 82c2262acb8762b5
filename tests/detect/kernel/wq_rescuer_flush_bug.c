/* flush_work() under cfg_mutex of a work on a WQ_MEM_RECLAIM queue whose
 * other work takes cfg_mutex.  When memory is short only the queue's
 * rescuer runs its works, one at a time, and the flushed work may sit
 * behind the one waiting for the mutex the flusher holds: lockdep reports
 * the cycle (start_flush_work takes the queue's map when the queue has a
 * rescuer, as for an ordered queue).  No explored schedule hangs, since
 * weft runs the queue's works concurrently, as with memory to spare: the
 * finding is the lock order.  It was verified (found by a probe of
 * kernel deadlocks).  wq_rescuer_flush_ok.c allocates the queue without
 * a rescuer. */
//! expect: bug lock-order
#include <linux/workqueue.h>
#include <linux/mutex.h>

static DEFINE_MUTEX(cfg_mutex);
static struct workqueue_struct *wq;
static struct work_struct reconf_work, stats_work;
static int cfg, stats;

static void reconf_fn(struct work_struct *w)
{
	(void)w;
	mutex_lock(&cfg_mutex);
	cfg++;
	mutex_unlock(&cfg_mutex);
}

static void stats_fn(struct work_struct *w)
{
	(void)w;
	WRITE_ONCE(stats, 1);
}

static void cfg_path(void *arg)
{
	(void)arg;
	mutex_lock(&cfg_mutex);
	flush_work(&stats_work);
	mutex_unlock(&cfg_mutex);
}

WEFT_TEST(rescuer_flush)
{
#ifdef OK
	wq = alloc_workqueue("blk", WQ_UNBOUND, 0);
#else
	wq = alloc_workqueue("blk", WQ_UNBOUND | WQ_MEM_RECLAIM, 0);
#endif
	INIT_WORK(&reconf_work, reconf_fn);
	INIT_WORK(&stats_work, stats_fn);
	weft_thread_t t = weft_spawn(cfg_path, NULL);
	queue_work(wq, &reconf_work);
	queue_work(wq, &stats_work);
	weft_join(t);
	flush_workqueue(wq);
	destroy_workqueue(wq);
}
