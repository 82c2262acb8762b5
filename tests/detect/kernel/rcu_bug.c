// synchronize_rcu() inside an RCU read section waits for itself; a
// call_rcu callback may not have run when the test ends without
// rcu_barrier() (the exhaustive search once missed that order: the RCU
// thread, blocked at the end, had run its callback before the end in the
// first schedule, and the end of the test was not taken to race with it).
//! expect(synchronize_in_reader): bug misuse
//! expect(call_rcu_without_barrier): bug leak
#include <linux/rcupdate.h>
#include <linux/slab.h>

struct cfg {
	int v;
};
static struct cfg __rcu *cur;

WEFT_TEST(synchronize_in_reader)
{
	struct cfg *c = kzalloc(sizeof(*c), GFP_KERNEL), *old;

	rcu_assign_pointer(cur, c);
	rcu_read_lock();
	old = rcu_dereference(cur);
	RCU_INIT_POINTER(cur, NULL);
	synchronize_rcu();
	rcu_read_unlock();
	kfree(old);
}

struct obj {
	int v;
	struct rcu_head rcu;
};

static void free_obj(struct rcu_head *h)
{
	kfree(container_of(h, struct obj, rcu));
}

WEFT_TEST(call_rcu_without_barrier)
{
	struct obj *o = kzalloc(sizeof(*o), GFP_KERNEL);

	call_rcu(&o->rcu, free_obj);
}
