// kfree_rcu() and call_rcu() queued before the pointer is unpublished: a
// reader that enters its section after the call still finds the object,
// and the grace period need not wait for it, so the callback may free it
// under the reader.  weft verified both (66 schedules): a reader's
// rcu_read_unlock counted, for partial-order reduction, as the release
// that let the callback run, so the callback was never tried inside a
// section that began after the call (found by a probe of RCU lifetime
// bugs).  rcu_free_before_unpublish_ok.c unpublishes first.
//! expect(kfree_rcu_early): bug use-after-free
//! expect(call_rcu_early): bug use-after-free
//! expect(two_readers): bug use-after-free
#include <linux/kthread.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/slab.h>

struct obj {
	int v;
	struct rcu_head rcu;
};

static struct obj __rcu *gp;
static int sink;

static int reader(void *arg)
{
	struct obj *p;

	(void)arg;
	rcu_read_lock();
	p = rcu_dereference(gp);
	if (p)
		WRITE_ONCE(sink, p->v);
	rcu_read_unlock();
	return 0;
}

static struct task_struct *start(const char *name)
{
	struct task_struct *t = kthread_create(reader, NULL, name);

	get_task_struct(t);
	wake_up_process(t);
	return t;
}

static void stop(struct task_struct *t)
{
	kthread_stop(t);
	put_task_struct(t);
}

static void free_cb(struct rcu_head *h)
{
	kfree(container_of(h, struct obj, rcu));
}

static struct obj *publish(void)
{
	struct obj *a = kzalloc(sizeof(*a), GFP_KERNEL);

	rcu_assign_pointer(gp, a);
	return a;
}

WEFT_TEST(kfree_rcu_early)
{
	struct obj *a = publish();
	struct task_struct *t = start("reader");

#ifdef OK
	RCU_INIT_POINTER(gp, NULL);
	kfree_rcu(a, rcu);
#else
	kfree_rcu(a, rcu);
	RCU_INIT_POINTER(gp, NULL);
#endif
	stop(t);
	rcu_barrier();
}

WEFT_TEST(call_rcu_early)
{
	struct obj *a = publish();
	struct task_struct *t = start("reader");

#ifdef OK
	RCU_INIT_POINTER(gp, NULL);
	call_rcu(&a->rcu, free_cb);
#else
	call_rcu(&a->rcu, free_cb);
	RCU_INIT_POINTER(gp, NULL);
#endif
	stop(t);
	rcu_barrier();
}

/* Two readers: one may be inside its section when the call is made (the
 * grace period waits for it), the other enter after. */
WEFT_TEST(two_readers)
{
	struct obj *a = publish();
	struct task_struct *t1 = start("reader1"), *t2 = start("reader2");

#ifdef OK
	RCU_INIT_POINTER(gp, NULL);
	kfree_rcu(a, rcu);
#else
	kfree_rcu(a, rcu);
	RCU_INIT_POINTER(gp, NULL);
#endif
	stop(t1);
	stop(t2);
	rcu_barrier();
}
