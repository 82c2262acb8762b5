// A SLAB_TYPESAFE_BY_RCU cache (struct sock's kind): an object freed to
// the cache may be handed out again at once, as another entry, while a
// reader inside its read section still holds it; only its memory is
// kept a cache object until a grace period has passed.  The lookup must
// take a reference with refcount_inc_not_zero and then check the key
// again (Documentation/RCU/rculist_nulls.rst).  This lookup does not: it
// can take a reference on the replacement entry and use it as its own.
// weft freed the object with kfree, so the correct lookup's read of the
// reused object was a use-after-free, and no reuse was ever explored
// (found by a probe of RCU lifetime bugs).  slab_typesafe_rcu_ok.c checks
// the key again.
//! expect(replace_entry): bug assertion
//! expect(stale_after_gp): bug use-after-free
//! expect(reuse_other_thread): verified
//! expect(churn_under_reader): verified
#include <linux/kthread.h>
#include <linux/rcupdate.h>
#include <linux/refcount.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

struct conn {
	refcount_t ref;
	int key;
};

static struct kmem_cache *conn_cache;
static struct conn __rcu *slot;
static DEFINE_SPINLOCK(slot_lock);
static int wrong;

static void conn_put(struct conn *c)
{
	if (refcount_dec_and_test(&c->ref))
		kmem_cache_free(conn_cache, c);
}

static struct conn *conn_lookup(int key)
{
	struct conn *c;

	rcu_read_lock();
	c = rcu_dereference(slot);
	if (c && !refcount_inc_not_zero(&c->ref))
		c = NULL;
#ifdef OK
	if (c && READ_ONCE(c->key) != key) {
		conn_put(c);
		c = NULL;
	}
#else
	(void)key;
#endif
	rcu_read_unlock();
	return c;
}

static int rx(void *arg)
{
	struct conn *c = conn_lookup(1);

	(void)arg;
	if (c) {
		if (READ_ONCE(c->key) != 1)
			WRITE_ONCE(wrong, 1);
		conn_put(c);
	}
	return 0;
}

/* The key first, then the count that makes the entry takeable, with a
 * release (rculist_nulls.rst): with the count first, a lookup holding the
 * old entry could take the new one's reference and still read the old
 * key (weft found that in this test's first version of the fix). */
static struct conn *conn_new(int key)
{
	struct conn *c = kmem_cache_alloc(conn_cache, GFP_KERNEL);

	WRITE_ONCE(c->key, key);
	refcount_set_release(&c->ref, 1);
	return c;
}

static void unpublish(void)
{
	spin_lock(&slot_lock);
	RCU_INIT_POINTER(slot, NULL);
	spin_unlock(&slot_lock);
}

/* The entry for key 1 is replaced by one for key 2, which may reuse its
 * memory. */
WEFT_TEST(replace_entry)
{
	struct conn *c, *c2;
	struct task_struct *t;

	conn_cache = kmem_cache_create("conn", sizeof(struct conn), 0,
				       SLAB_TYPESAFE_BY_RCU, NULL);
	c = conn_new(1);
	rcu_assign_pointer(slot, c);
	t = kthread_create(rx, NULL, "rx");
	get_task_struct(t);
	wake_up_process(t);
	unpublish();
	conn_put(c);
	c2 = conn_new(2);
	rcu_assign_pointer(slot, c2);
	kthread_stop(t);
	put_task_struct(t);
	WARN_ON(READ_ONCE(wrong));
	unpublish();
	conn_put(c2);
	kmem_cache_destroy(conn_cache);
}

/* The type-safety lasts for readers inside their sections: a pointer kept
 * past a grace period is a use-after-free, reuse or not. */
WEFT_TEST(stale_after_gp)
{
	struct conn *c;

	conn_cache = kmem_cache_create("conn", sizeof(struct conn), 0,
				       SLAB_TYPESAFE_BY_RCU, NULL);
	c = conn_new(1);
	conn_put(c);
#ifdef OK
	c = NULL;
#endif
	synchronize_rcu();
	if (c)
		WRITE_ONCE(wrong, READ_ONCE(c->key));
	kmem_cache_destroy(conn_cache);
}

/* Correct in both files.  A reuse is ordered after the free that put the
 * object back, as the allocator's freelist orders it: the new owner's
 * plain write is no data race with the old owner's (a false race; a
 * review).  A reader inside its section while the object is freed is
 * what makes the reuse one the search offers. */
static int idle_reader(void *arg)
{
	(void)arg;
	rcu_read_lock();
	(void)rcu_dereference(slot);
	rcu_read_unlock();
	return 0;
}

static struct task_struct *start(int (*fn)(void *), const char *name)
{
	struct task_struct *t = kthread_create(fn, NULL, name);

	get_task_struct(t);
	wake_up_process(t);
	return t;
}

static int alloc_write_free(void *arg)
{
	struct conn *c = kmem_cache_alloc(conn_cache, GFP_KERNEL);

	(void)arg;
	c->key = 1;
	kmem_cache_free(conn_cache, c);
	return 0;
}

WEFT_TEST(reuse_other_thread)
{
	struct task_struct *r, *w;
	struct conn *c;

	conn_cache = kmem_cache_create("conn", sizeof(struct conn), 0,
				       SLAB_TYPESAFE_BY_RCU, NULL);
	r = start(idle_reader, "reader");
	w = start(alloc_write_free, "owner");
	c = kmem_cache_alloc(conn_cache, GFP_KERNEL);
	c->key = 2;
	kmem_cache_free(conn_cache, c);
	kthread_stop(w);
	put_task_struct(w);
	kthread_stop(r);
	put_task_struct(r);
	kmem_cache_destroy(conn_cache);
}

/* Objects freed and allocated again in a loop while a reader may hold
 * the period open: the callback thread may free an object the
 * allocation had listed as reusable, at the choice's scheduling point (a
 * freed block was handed out, a false use-after-free; a review). */
WEFT_TEST(churn_under_reader)
{
	struct task_struct *r;

	conn_cache = kmem_cache_create("conn", sizeof(struct conn), 0,
				       SLAB_TYPESAFE_BY_RCU, NULL);
	r = start(idle_reader, "reader");
	for (int i = 0; i < 3; i++) {
		struct conn *c = kmem_cache_alloc(conn_cache, GFP_KERNEL);
		c->key = i;
		kmem_cache_free(conn_cache, c);
	}
	kthread_stop(r);
	put_task_struct(r);
	kmem_cache_destroy(conn_cache);
}
