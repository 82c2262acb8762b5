// A per-CPU fast path reads the current filter under migrate_disable()
// only, as if it were an RCU read section.  Since Linux 5.11 a
// migrate_disable() section stays preemptible and is not an RCU reader:
// synchronize_rcu() need not wait for it, and the old filter is freed
// under the reader.  Fixed: rcu_read_lock() around the use.
// weft made migrate_disable() a preempt_disable(), an RCU reader: the bug
// twin was verified (a probe's).
//! expect: bug misuse
#include <linux/rcupdate.h>
#include <linux/preempt.h>
#include <linux/slab.h>
#include <linux/mutex.h>

struct filter {
	int proto;
};
static struct filter __rcu *cur_filter;
static DEFINE_MUTEX(cfg_mutex);

static void fast_path(void *arg)
{
	struct filter *f;
	int p = 0;
	(void)arg;
#ifdef FIXED
	rcu_read_lock();
#else
	migrate_disable();
#endif
	f = rcu_dereference(cur_filter);
	if (f)
		p = f->proto;
#ifdef FIXED
	rcu_read_unlock();
#else
	migrate_enable();
#endif
	(void)p;
}

WEFT_TEST(replace_filter)
{
	struct filter *f = kzalloc(sizeof(*f), GFP_KERNEL), *old;
	weft_thread_t t;

	f->proto = 6;
	rcu_assign_pointer(cur_filter, f);
	t = weft_spawn(fast_path, NULL);
	mutex_lock(&cfg_mutex);
	old = rcu_dereference_protected(cur_filter, lockdep_is_held(&cfg_mutex));
	RCU_INIT_POINTER(cur_filter, NULL);
	mutex_unlock(&cfg_mutex);
	synchronize_rcu();
	kfree(old);
	weft_join(t);
}
