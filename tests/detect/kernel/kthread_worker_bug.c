// A driver's kthread_worker runs its interrupt bottom half; the reset
// path flushes that work while holding the lock the work takes: a
// deadlock, as with a workqueue.  kthread_worker_ok.c flushes before
// taking the lock.  Before, the kthread_worker API did not compile.
//! expect(flush_under_lock): bug deadlock
//! expect(ordered_runs): verified
#include <linux/kthread.h>
#include <linux/mutex.h>

static DEFINE_MUTEX(dev_lock);
int handled;

static void bottom_half(struct kthread_work *w)
{
	(void)w;
	mutex_lock(&dev_lock);
	handled++;
	mutex_unlock(&dev_lock);
}

WEFT_TEST(flush_under_lock)
{
	struct kthread_worker *wk = kthread_create_worker(0, "dev_worker");
	struct kthread_work work;

	kthread_init_work(&work, bottom_half);
	kthread_queue_work(wk, &work);
#ifdef KTHREAD_WORKER_OK
	kthread_flush_work(&work);
	mutex_lock(&dev_lock);
#else
	mutex_lock(&dev_lock);
	kthread_flush_work(&work);
#endif
	mutex_unlock(&dev_lock);
	kthread_destroy_worker(wk);
}

/* A worker runs its works one at a time, in order, and a work queued
 * while pending is not queued twice. */
int order[2], n;

static void first(struct kthread_work *w)
{
	(void)w;
	order[n++] = 1;
}

static void second(struct kthread_work *w)
{
	(void)w;
	order[n++] = 2;
}

WEFT_TEST(ordered_runs)
{
	struct kthread_worker *wk = kthread_create_worker(0, "ordered");
	struct kthread_work a, b;

	kthread_init_work(&a, first);
	kthread_init_work(&b, second);
	weft_assert(kthread_queue_work(wk, &a));
	kthread_queue_work(wk, &b);
	kthread_flush_worker(wk);
	weft_assert(n == 2 && order[0] == 1 && order[1] == 2);
	kthread_cancel_work_sync(&a);
	kthread_destroy_worker(wk);
}
