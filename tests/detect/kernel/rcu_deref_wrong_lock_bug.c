// rcu_dereference_check(p, lockdep_is_held(&m)) while holding another
// mutex and no RCU read lock, and a plain rcu_dereference() under an
// unrelated mutex: lockdep-RCU's "suspicious rcu_dereference_check()
// usage", since neither the condition nor rcu_read_lock_held() holds.
// Any lock held silenced weft's check, and both were verified (a probe).
// rcu_deref_wrong_lock_ok.c holds m, and takes the read lock.
//! expect: bug misuse
#include <linux/rcupdate.h>
#include <linux/mutex.h>
#include <linux/lockdep.h>

struct cfg { int v; };
static struct cfg c0 = { 1 };
static struct cfg __rcu *gp = &c0;
static DEFINE_MUTEX(m);
static DEFINE_MUTEX(m2);

WEFT_TEST(deref_check_wrong_lock)
{
	struct cfg *c;
#ifdef FIXED
	mutex_lock(&m);
#else
	mutex_lock(&m2);
#endif
	c = rcu_dereference_check(gp, lockdep_is_held(&m));
	WARN_ON(c->v != 1);
#ifdef FIXED
	mutex_unlock(&m);
#else
	mutex_unlock(&m2);
#endif
}

WEFT_TEST(deref_plain_unrelated_lock)
{
	struct cfg *c;
	mutex_lock(&m2);
#ifdef FIXED
	rcu_read_lock();
#endif
	c = rcu_dereference(gp);
	WARN_ON(c->v != 1);
#ifdef FIXED
	rcu_read_unlock();
#endif
	mutex_unlock(&m2);
}
