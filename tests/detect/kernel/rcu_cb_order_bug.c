// Two call_rcu callbacks queued from different CPUs: a VLAN's, by a
// kthread, then its port's, by the test once the first is queued.  The
// port's callback frees the port the VLAN's callback still updates; the
// code assumes RCU runs callbacks in the order they were queued, which
// it does not promise across CPUs (Documentation/RCU/rcubarrier.rst).
// weft ran every callback of a domain in queue order and verified this
// (found by a probe of RCU lifetime bugs); the first callback each thread
// queued may now run next.  rcu_cb_order_ok.c drops a reference in each
// callback instead.
//! expect: bug use-after-free
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/kref.h>
#include <linux/kthread.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/slab.h>

struct port {
	atomic_t nchild;
	struct kref ref;
	struct rcu_head rcu;
};

struct vlan {
	struct port *parent;
	struct rcu_head rcu;
};

static DECLARE_COMPLETION(queued);
static struct vlan *gv;

#ifdef OK
static void port_release(struct kref *k)
{
	kfree(container_of(k, struct port, ref));
}
#endif

static void vlan_free_rcu(struct rcu_head *h)
{
	struct vlan *v = container_of(h, struct vlan, rcu);

	atomic_dec(&v->parent->nchild);
#ifdef OK
	kref_put(&v->parent->ref, port_release);
#endif
	kfree(v);
}

static void port_free_rcu(struct rcu_head *h)
{
	struct port *p = container_of(h, struct port, rcu);

#ifdef OK
	kref_put(&p->ref, port_release);
#else
	kfree(p);
#endif
}

static int vlan_del(void *arg)
{
	(void)arg;
	call_rcu(&gv->rcu, vlan_free_rcu);
	complete(&queued);
	return 0;
}

WEFT_TEST(cb_order)
{
	struct port *p = kzalloc(sizeof(*p), GFP_KERNEL);
	struct task_struct *t;

	kref_init(&p->ref);
	gv = kzalloc(sizeof(*gv), GFP_KERNEL);
	gv->parent = p;
#ifdef OK
	kref_get(&p->ref);
#endif
	atomic_set(&p->nchild, 1);
	t = kthread_create(vlan_del, NULL, "vlan_del");
	get_task_struct(t);
	wake_up_process(t);
	wait_for_completion(&queued);
	call_rcu(&p->rcu, port_free_rcu);
	kthread_stop(t);
	put_task_struct(t);
	rcu_barrier();
}
