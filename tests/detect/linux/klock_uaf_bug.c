//! args: --strategy=dfs
//! expect(lock_after_free): bug use-after-free
//! expect(waiter_outlives_lock): bug use-after-free
/* Kernel locks inside freed memory.  The kernel locks checked nothing of
 * their memory, and both tests came out verified: a spin_lock on a
 * kfree'd object, and a mutex its holder frees while another thread
 * waits for it (the waiter takes it from freed memory).  pthread and
 * FreeBSD mutexes reported use-after-free in the same places.  Twin:
 * klock_uaf_ok.c. */
#include <weft/linux.h>

struct obj {
	spinlock_t lock;
	struct mutex m;
	int x;
};

WEFT_TEST(lock_after_free)
{
	struct obj *o = kzalloc(sizeof(*o), GFP_KERNEL);

	spin_lock_init(&o->lock);
	kfree(o);
	spin_lock(&o->lock); /* BUG: the object is gone */
	spin_unlock(&o->lock);
}

static void waiter(void *arg)
{
	struct obj *o = arg;

	mutex_lock(&o->m);
	o->x++;
	mutex_unlock(&o->m);
}

WEFT_TEST(waiter_outlives_lock)
{
	struct obj *o = kzalloc(sizeof(*o), GFP_KERNEL);
	weft_thread_t t;

	mutex_init(&o->m);
	t = weft_spawn(waiter, o);
	mutex_lock(&o->m);
	o->x++;
	mutex_unlock(&o->m);
	kfree(o); /* BUG: the waiter may not have taken the mutex yet */
	weft_join(t);
}
