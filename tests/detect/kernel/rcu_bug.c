// synchronize_rcu() inside an RCU read section waits for itself.
//! expect: bug misuse
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
