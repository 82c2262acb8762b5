// The pattern refcount_dec_and_lock exists for: a table lookup under the
// lock takes a reference with refcount_inc_not_zero, and the last put
// unpublishes and frees the object with the lock held, so a lookup never
// finds an object whose count reached zero.  The same with an atomic_t
// and atomic_dec_and_lock, and with kref_put_mutex.
//! expect(refcount_dec_and_lock_lookup): verified
//! expect(atomic_dec_and_lock_lookup): verified
//! expect(kref_put_mutex_lookup): verified
#include <linux/atomic.h>
#include <linux/kref.h>
#include <linux/mutex.h>
#include <linux/refcount.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

struct obj {
	refcount_t ref;
	atomic_t cnt;
	struct kref kref;
	int val;
};

static DEFINE_SPINLOCK(lock);
static DEFINE_MUTEX(mlock);
static struct obj *table;

static void put_ref(struct obj *o)
{
	if (refcount_dec_and_lock(&o->ref, &lock)) {
		table = NULL;
		spin_unlock(&lock);
		kfree(o);
	}
}

static void lookup_ref(void *arg)
{
	struct obj *o;

	(void)arg;
	spin_lock(&lock);
	o = table;
	if (o && !refcount_inc_not_zero(&o->ref))
		o = NULL;
	spin_unlock(&lock);
	if (o) {
		weft_assert(o->val == 7);
		put_ref(o);
	}
}

WEFT_TEST(refcount_dec_and_lock_lookup)
{
	struct obj *o = kzalloc(sizeof(*o), GFP_KERNEL);

	refcount_set(&o->ref, 1);
	o->val = 7;
	table = o;
	weft_thread_t t = weft_spawn(lookup_ref, NULL);
	put_ref(o);
	weft_join(t);
}

static void put_cnt(struct obj *o)
{
	if (atomic_dec_and_lock(&o->cnt, &lock)) {
		table = NULL;
		spin_unlock(&lock);
		kfree(o);
	}
}

static void lookup_cnt(void *arg)
{
	struct obj *o;

	(void)arg;
	spin_lock(&lock);
	o = table;
	if (o && !atomic_inc_not_zero(&o->cnt))
		o = NULL;
	spin_unlock(&lock);
	if (o) {
		weft_assert(o->val == 7);
		put_cnt(o);
	}
}

WEFT_TEST(atomic_dec_and_lock_lookup)
{
	struct obj *o = kzalloc(sizeof(*o), GFP_KERNEL);

	atomic_set(&o->cnt, 1);
	o->val = 7;
	table = o;
	weft_thread_t t = weft_spawn(lookup_cnt, NULL);
	put_cnt(o);
	weft_join(t);
}

static void release_locked(struct kref *k)
{
	struct obj *o = container_of(k, struct obj, kref);

	table = NULL;
	mutex_unlock(&mlock);
	kfree(o);
}

static void lookup_kref(void *arg)
{
	struct obj *o;

	(void)arg;
	mutex_lock(&mlock);
	o = table;
	if (o && !kref_get_unless_zero(&o->kref))
		o = NULL;
	mutex_unlock(&mlock);
	if (o) {
		weft_assert(o->val == 7);
		kref_put_mutex(&o->kref, release_locked, &mlock);
	}
}

WEFT_TEST(kref_put_mutex_lookup)
{
	struct obj *o = kzalloc(sizeof(*o), GFP_KERNEL);

	kref_init(&o->kref);
	o->val = 7;
	table = o;
	weft_thread_t t = weft_spawn(lookup_kref, NULL);
	kref_put_mutex(&o->kref, release_locked, &mlock);
	weft_join(t);
}
