// Two workqueues made by one helper; queue A's work takes a mutex, and
// a thread flushes a queue while holding it.  Flushing A is a deadlock
// (A's work waits for the mutex, the flusher for A's work); flushing B,
// on which nothing takes the mutex, is not.  weft keyed a workqueue's
// lock class by where it was allocated, so B was A's class and the
// correct flush was a lock-order bug; lockdep has keyed each workqueue
// apart since Linux 5.1 (found by a probe of kernel deadlocks).
//! expect: bug deadlock
#include <linux/mutex.h>
#include <linux/workqueue.h>

static DEFINE_MUTEX(m);
static struct work_struct wa;

static void wa_fn(struct work_struct *w)
{
	(void)w;
	mutex_lock(&m);
	mutex_unlock(&m);
}

static struct workqueue_struct *make_queue(void)
{
	return alloc_workqueue("port_wq", 0, 0);
}

WEFT_TEST(flush_under_mutex)
{
	struct workqueue_struct *a = make_queue(), *b = make_queue();

	INIT_WORK(&wa, wa_fn);
	queue_work(a, &wa);
	mutex_lock(&m);
#ifdef OK
	flush_workqueue(b);
#else
	flush_workqueue(a);
#endif
	mutex_unlock(&m);
	destroy_workqueue(a);
	destroy_workqueue(b);
}
