// A reaper frees a cached object once only the cache holds it.  It reads
// the count (1) before taking the lookup's lock, and a user takes a
// reference in between: the reaper frees the object under the user.  refcount_dec_if_one_ok.c drops the cache's reference
// only if it is the last one, in one step (refcount_dec_if_one, which
// used to fail to compile).
//! expect: bug use-after-free
#include <linux/kthread.h>
#include <linux/refcount.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

struct entry {
	refcount_t ref;
	int hits;
};

static DEFINE_SPINLOCK(cache_lock);
static struct entry *cached;

static void put(struct entry *e)
{
	if (refcount_dec_and_test(&e->ref))
		kfree(e);
}

static int user(void *arg)
{
	struct entry *e;

	(void)arg;
	spin_lock(&cache_lock);
	e = cached;
	if (e && !refcount_inc_not_zero(&e->ref))
		e = NULL;
	spin_unlock(&cache_lock);
	if (e) {
		WRITE_ONCE(e->hits, READ_ONCE(e->hits) + 1);
		put(e);
	}
	return 0;
}

static void reap(void)
{
	struct entry *e = NULL;

#ifdef OK
	spin_lock(&cache_lock);
	if (cached && refcount_dec_if_one(&cached->ref)) {
		e = cached;
		cached = NULL;
	}
	spin_unlock(&cache_lock);
#else
	/* The count read before the lock: a user may take a reference
	 * between the read and the unpublishing. */
	if (refcount_read(&cached->ref) == 1) {
		e = cached;
		spin_lock(&cache_lock);
		cached = NULL;
		spin_unlock(&cache_lock);
	}
#endif
	kfree(e);
}

WEFT_TEST(reaper)
{
	struct task_struct *t;
	struct entry *e;

	cached = kzalloc(sizeof(*cached), GFP_KERNEL);
	refcount_set(&cached->ref, 1);
	t = kthread_create(user, NULL, "user");
	get_task_struct(t);
	wake_up_process(t);
	reap();
	kthread_stop(t);
	put_task_struct(t);
	spin_lock(&cache_lock);
	e = cached;
	cached = NULL;
	spin_unlock(&cache_lock);
	if (e)
		put(e);
}
