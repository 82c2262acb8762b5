//! expect(lookup_under_lock): verified
//! expect(get_unless_zero): verified
//! args: --strategy=dfs
/* Correct kref idioms: a lookup takes its reference under the lock that
 * removes the object from the table; kref_get_unless_zero from an
 * RCU-protected lookup. */
#include <weft/linux.h>

struct obj {
	struct kref ref;
	int val;
	struct rcu_head rcu;
};

static void obj_release(struct kref *k)
{
	kfree(container_of(k, struct obj, ref));
}

static DEFINE_SPINLOCK(table_lock);
static struct obj *table;

static void lookup(void *arg)
{
	struct obj *o;

	(void)arg;
	spin_lock(&table_lock);
	o = table;
	if (o)
		kref_get(&o->ref);
	spin_unlock(&table_lock);
	if (!o)
		return;
	weft_assert(READ_ONCE(o->val) == 7);
	kref_put(&o->ref, obj_release);
}

WEFT_TEST(lookup_under_lock)
{
	struct obj *o = kzalloc(sizeof *o, GFP_KERNEL);
	weft_thread_t t;

	kref_init(&o->ref);
	o->val = 7;
	table = o;
	t = weft_spawn(lookup, NULL);
	spin_lock(&table_lock);
	table = NULL;
	spin_unlock(&table_lock);
	kref_put(&o->ref, obj_release);
	weft_join(t);
}

static struct obj __rcu *rtable;

static void obj_release_rcu(struct kref *k)
{
	struct obj *o = container_of(k, struct obj, ref);

	kfree_rcu(o, rcu);
}

static void rcu_lookup(void *arg)
{
	struct obj *o;

	(void)arg;
	rcu_read_lock();
	o = rcu_dereference(rtable);
	if (o && !kref_get_unless_zero(&o->ref))
		o = NULL;
	rcu_read_unlock();
	if (!o)
		return;
	weft_assert(READ_ONCE(o->val) == 7);
	kref_put(&o->ref, obj_release_rcu);
}

WEFT_TEST(get_unless_zero)
{
	struct obj *o = kzalloc(sizeof *o, GFP_KERNEL);
	weft_thread_t t;

	kref_init(&o->ref);
	o->val = 7;
	rcu_assign_pointer(rtable, o);
	t = weft_spawn(rcu_lookup, NULL);
	rcu_assign_pointer(rtable, NULL);
	kref_put(&o->ref, obj_release_rcu);
	weft_join(t);
}
