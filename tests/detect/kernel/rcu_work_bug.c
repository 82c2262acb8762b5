// Deferred freeing from a workqueue: an object that RCU readers may still
// hold must be freed after a grace period, which queue_rcu_work gives
// (its work runs after every read section in progress at the call).
// This file frees it from a plain queue_work, whose work may run while a
// reader that found the object is still inside rcu_read_lock
// (deferred_free), and waits with flush_work, which does not wait for a
// work still waiting for its grace period (flush_waits).  queue_rcu_work
// and struct rcu_work did not compile (a probe of driver-style code).
// rcu_work_ok.c uses queue_rcu_work and flush_rcu_work.
//! expect(deferred_free): bug use-after-free
//! expect(flush_waits): bug assertion
//! expect(cancel_then_free): verified
#include <linux/kthread.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct obj {
	int val;
#ifdef FIXED
	struct rcu_work free_work;
#else
	struct work_struct free_work;
#endif
};

static struct obj __rcu *gp;
static struct workqueue_struct *wq;

static void obj_free_fn(struct work_struct *w)
{
#ifdef FIXED
	struct obj *o = container_of(to_rcu_work(w), struct obj, free_work);
#else
	struct obj *o = container_of(w, struct obj, free_work);
#endif

	kfree(o);
}

static int reader(void *arg)
{
	struct obj *o;

	(void)arg;
	rcu_read_lock();
	o = rcu_dereference(gp);
	if (o)
		WARN_ON(READ_ONCE(o->val) != 1);
	rcu_read_unlock();
	return 0;
}

WEFT_TEST(deferred_free)
{
	struct obj *o = kzalloc(sizeof(*o), GFP_KERNEL);
	struct task_struct *t;

	wq = alloc_workqueue("reclaim", 0, 0);
	o->val = 1;
	rcu_assign_pointer(gp, o);
	t = kthread_create(reader, NULL, "reader");
	get_task_struct(t);
	wake_up_process(t);
	RCU_INIT_POINTER(gp, NULL);
#ifdef FIXED
	INIT_RCU_WORK(&o->free_work, obj_free_fn);
	queue_rcu_work(wq, &o->free_work);
#else
	INIT_WORK(&o->free_work, obj_free_fn);
	queue_work(wq, &o->free_work);
#endif
	kthread_stop(t);
	put_task_struct(t);
	/* The RCU callback queues onto wq: wait for it first. */
	rcu_barrier();
	destroy_workqueue(wq);
}

/* An rcu_work is pending from queue_rcu_work on, so queueing it again
 * fails (the read section holds its grace period back), but it is on no
 * queue until the grace period has passed. */
static struct rcu_work counted;
static int ran;

static void count_fn(struct work_struct *w)
{
	WARN_ON(to_rcu_work(w) != &counted);
	WRITE_ONCE(ran, READ_ONCE(ran) + 1);
}

WEFT_TEST(flush_waits)
{
	wq = alloc_workqueue("counted", 0, 0);
	INIT_RCU_WORK(&counted, count_fn);
	rcu_read_lock();
	WARN_ON(!queue_rcu_work(wq, &counted));
	WARN_ON(queue_rcu_work(wq, &counted));
	WARN_ON(queue_work(wq, &counted.work));
	rcu_read_unlock();
#ifdef FIXED
	flush_rcu_work(&counted);
#else
	flush_work(&counted.work);
#endif
	WARN_ON(READ_ONCE(ran) != 1);
	rcu_barrier();
	destroy_workqueue(wq);
}

/* Correct in both files: a cancel waits until the RCU callback has
 * queued the work (the kernel's work_grab_pending tries again until
 * then), so the rcu_work may be freed after cancel_work_sync. */
static void nothing_fn(struct work_struct *w)
{
	(void)w;
	WRITE_ONCE(ran, 1);
}

WEFT_TEST(cancel_then_free)
{
	struct rcu_work *rw = kzalloc(sizeof(*rw), GFP_KERNEL);
	bool was;

	wq = alloc_workqueue("cancelled", 0, 0);
	INIT_RCU_WORK(rw, nothing_fn);
	queue_rcu_work(wq, rw);
	was = cancel_work_sync(&rw->work);
	/* Cancelled while pending, or it had run already. */
	WARN_ON(was == (READ_ONCE(ran) == 1));
	kfree(rw);
	destroy_workqueue(wq);
}
