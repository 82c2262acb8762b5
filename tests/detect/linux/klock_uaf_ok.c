//! args: --strategy=dfs
//! expect(lock_before_free): verified
//! expect(waiter_joined_first): verified
/* Twin of klock_uaf_bug.c: the lock is taken before the object is freed,
 * and the owner frees it only after the waiter is done with it. */
#include <weft/linux.h>

struct obj {
	spinlock_t lock;
	struct mutex m;
	int x;
};

WEFT_TEST(lock_before_free)
{
	struct obj *o = kzalloc(sizeof(*o), GFP_KERNEL);

	spin_lock_init(&o->lock);
	spin_lock(&o->lock);
	o->x++;
	spin_unlock(&o->lock);
	kfree(o);
}

static void waiter(void *arg)
{
	struct obj *o = arg;

	mutex_lock(&o->m);
	o->x++;
	mutex_unlock(&o->m);
}

WEFT_TEST(waiter_joined_first)
{
	struct obj *o = kzalloc(sizeof(*o), GFP_KERNEL);
	weft_thread_t t;

	mutex_init(&o->m);
	t = weft_spawn(waiter, o);
	mutex_lock(&o->m);
	o->x++;
	mutex_unlock(&o->m);
	weft_join(t);
	kfree(o);
}
