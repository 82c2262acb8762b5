// The classic lookup of Documentation/RCU/rculist_nulls.rst over a hash
// table of hlist_nulls chains whose objects come from a
// SLAB_TYPESAFE_BY_RCU cache: an object freed under a reader may be
// handed out again at once, as another key, on another chain.  The
// lookup must take its reference with refcount_inc_not_zero and check
// the key again (recheck_key), and a walk that ended on another chain's
// nulls value must start again (nulls_restart).  This lookup does
// neither: it returns an object that became another key, and it misses
// a key that was in its chain all along.  <linux/rculist_nulls.h> did
// not compile (a probe of driver-style code).  rculist_nulls_lookup_ok.c
// does the documented dance.
//! expect(recheck_key): bug assertion
//! expect(nulls_restart): bug assertion
#include <linux/kthread.h>
#include <linux/rculist_nulls.h>
#include <linux/refcount.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#define NBUCKETS 2

struct conn {
	refcount_t ref;
	int key;
	struct hlist_nulls_node node;
};

static struct kmem_cache *conn_cache;
static struct hlist_nulls_head table[NBUCKETS];
static DEFINE_SPINLOCK(table_lock);
static int wrong;

static unsigned int bucket_of(int key)
{
	return (unsigned int)key % NBUCKETS;
}

static void conn_put(struct conn *c)
{
	if (refcount_dec_and_test(&c->ref))
		kmem_cache_free(conn_cache, c);
}

static struct conn *conn_lookup(int key)
{
	unsigned int slot = bucket_of(key);
	struct hlist_nulls_node *node;
	struct conn *c;

begin:
	rcu_read_lock();
	hlist_nulls_for_each_entry_rcu(c, node, &table[slot], node) {
		if (READ_ONCE(c->key) != key)
			continue;
		if (!refcount_inc_not_zero(&c->ref)) {
			rcu_read_unlock();
			goto begin;
		}
#ifdef FIXED
		if (READ_ONCE(c->key) != key) {
			conn_put(c);
			rcu_read_unlock();
			goto begin;
		}
#endif
		rcu_read_unlock();
		return c;
	}
#ifdef FIXED
	/* The walk went through an object that moved to another chain. */
	if (get_nulls_value(node) != slot) {
		rcu_read_unlock();
		goto begin;
	}
#endif
	rcu_read_unlock();
	return NULL;
}

/* The key first, then the count that makes the object takeable, with a
 * release (rculist_nulls.rst). */
static struct conn *conn_insert(int key)
{
	struct conn *c = kmem_cache_alloc(conn_cache, GFP_KERNEL);

	WRITE_ONCE(c->key, key);
	refcount_set_release(&c->ref, 1);
	spin_lock(&table_lock);
	hlist_nulls_add_head_rcu(&c->node, &table[bucket_of(key)]);
	spin_unlock(&table_lock);
	return c;
}

static void conn_remove(struct conn *c)
{
	spin_lock(&table_lock);
	hlist_nulls_del_init_rcu(&c->node);
	spin_unlock(&table_lock);
	conn_put(c);
}

static void setup(void)
{
	conn_cache = kmem_cache_create("conn", sizeof(struct conn), 0,
				       SLAB_TYPESAFE_BY_RCU, NULL);
	for (int i = 0; i < NBUCKETS; i++)
		INIT_HLIST_NULLS_HEAD(&table[i], i);
}

static struct task_struct *start(int (*fn)(void *), const char *name)
{
	struct task_struct *t = kthread_create(fn, NULL, name);

	get_task_struct(t);
	wake_up_process(t);
	return t;
}

static void stop(struct task_struct *t)
{
	kthread_stop(t);
	put_task_struct(t);
}

/* Key 1 is removed and key 3, of the same chain, inserted: the new
 * object may be the old one's memory, and a lookup of key 1 that took
 * its reference then holds key 3. */
static int find_1(void *arg)
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

WEFT_TEST(recheck_key)
{
	struct conn *a, *b;
	struct task_struct *t;

	setup();
	a = conn_insert(1);
	t = start(find_1, "rx");
	conn_remove(a);
	b = conn_insert(3);
	stop(t);
	WARN_ON(READ_ONCE(wrong));
	conn_remove(b);
	kmem_cache_destroy(conn_cache);
}

/* Chain 1 holds key 1, then key 3, which stays.  Key 1 is removed and
 * key 2 inserted on chain 0: a reader standing on key 1's object may
 * step from it, reused, onto chain 0's end, and only the nulls value
 * tells it that it never reached the end of chain 1. */
static int find_3(void *arg)
{
	struct conn *c = conn_lookup(3);

	(void)arg;
	if (!c)
		WRITE_ONCE(wrong, 1);
	else
		conn_put(c);
	return 0;
}

WEFT_TEST(nulls_restart)
{
	struct conn *a, *b, *c;
	struct task_struct *t;

	setup();
	c = conn_insert(3);
	a = conn_insert(1);
	t = start(find_3, "rx");
	conn_remove(a);
	b = conn_insert(2);
	stop(t);
	WARN_ON(READ_ONCE(wrong));
	conn_remove(b);
	conn_remove(c);
	kmem_cache_destroy(conn_cache);
}
