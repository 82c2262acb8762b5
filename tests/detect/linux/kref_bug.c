//! expect(double_put): bug refcount
//! expect(put_after_free): bug use-after-free
//! expect(get_after_release): bug use-after-free
//! expect(inc_on_zero): bug refcount
//! args: --strategy=dfs
/* Reference-count mistakes.  double_put: a stale extra put on an object
 * whose count already reached zero (a static object, so the count itself
 * is what is wrong).  put_after_free: the same on a kmalloc'd object,
 * which its release freed.  get_after_release: a lookup that takes its
 * reference after dropping the lock that protects the object's lifetime,
 * so the count can already be zero (and the object freed). */
#include <weft/linux.h>

struct obj {
	struct kref ref;
	int val;
};

static void obj_release(struct kref *k)
{
	kfree(container_of(k, struct obj, ref));
}

static struct obj *shared;
static struct obj stat;
static int released;

static void stat_release(struct kref *k)
{
	(void)k;
	released++;
}

static void stat_dropper(void *arg)
{
	(void)arg;
	kref_put(&stat.ref, stat_release);
}

WEFT_TEST(double_put)
{
	weft_thread_t t;

	kref_init(&stat.ref);
	kref_get(&stat.ref);
	t = weft_spawn(stat_dropper, NULL);
	kref_put(&stat.ref, stat_release);
	weft_join(t);
	weft_assert(released == 1);
	kref_put(&stat.ref, stat_release); /* BUG: one put too many */
}

static void dropper(void *arg)
{
	(void)arg;
	kref_put(&shared->ref, obj_release);
}

WEFT_TEST(put_after_free)
{
	struct obj *o = kzalloc(sizeof *o, GFP_KERNEL);
	weft_thread_t t;

	kref_init(&o->ref);
	shared = o;
	kref_get(&o->ref);
	t = weft_spawn(dropper, NULL);
	kref_put(&o->ref, obj_release);
	weft_join(t);
	/* BUG: an extra put from a stale pointer */
	kref_put(&o->ref, obj_release);
}

static DEFINE_SPINLOCK(table_lock);
static struct obj *table;

static void lookup(void *arg)
{
	struct obj *o;

	(void)arg;
	spin_lock(&table_lock);
	o = table;
	spin_unlock(&table_lock);
	if (!o)
		return;
	kref_get(&o->ref); /* BUG: outside the lock */
	kref_put(&o->ref, obj_release);
}

WEFT_TEST(get_after_release)
{
	struct obj *o = kzalloc(sizeof *o, GFP_KERNEL);
	weft_thread_t t;

	kref_init(&o->ref);
	table = o;
	t = weft_spawn(lookup, NULL);
	spin_lock(&table_lock);
	table = NULL;
	spin_unlock(&table_lock);
	kref_put(&o->ref, obj_release);
	weft_join(t);
}

WEFT_TEST(inc_on_zero)
{
	refcount_t r = REFCOUNT_INIT(1);

	weft_assert(refcount_dec_and_test(&r));
	refcount_inc(&r);
}
