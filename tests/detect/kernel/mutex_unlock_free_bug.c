//! expect: bug use-after-free
/* The last user of an object frees it right after dropping the object's
 * own mutex while another user may still be inside mutex_unlock(): "The
 * caller must ensure that the mutex stays alive until this function has
 * returned - mutex_unlock() can NOT directly be used to release an object
 * such that another concurrent task can free it" (kernel/locking/mutex.c).
 * With a waiter queued the unlock lets the owner word go first and wakes
 * the waiter under lock->wait_lock after; the waiter takes the mutex,
 * drops the count to zero and frees the object in between.  The unlock
 * was one step, and this was verified (a helper's probe of driver code).
 * With -DRWSEM the same with up_write; mutex_unlock_free_ok.c uses a
 * spinlock, whose unlock is its last access. */
#ifdef OK
#include <linux/spinlock.h>
#else
#include <linux/mutex.h>
#include <linux/rwsem.h>
#endif
#include <linux/slab.h>
#include <linux/workqueue.h>

struct obj {
#ifdef OK
	spinlock_t lk;
#elif defined(RWSEM)
	struct rw_semaphore lk;
#else
	struct mutex lk;
#endif
	int cnt;
};

static struct obj *g;
static struct work_struct pw;

static void put(struct obj *o)
{
	int last;

#ifdef OK
	spin_lock(&o->lk);
	last = --o->cnt == 0;
	spin_unlock(&o->lk);
#elif defined(RWSEM)
	down_write(&o->lk);
	last = --o->cnt == 0;
	up_write(&o->lk);
#else
	mutex_lock(&o->lk);
	last = --o->cnt == 0;
	mutex_unlock(&o->lk);
#endif
	if (last)
		kfree(o);
}

static void other_user(struct work_struct *w)
{
	(void)w;
	put(g);
}

WEFT_TEST(unlock_then_free)
{
	struct obj *o = kzalloc(sizeof(*o), GFP_KERNEL);

#ifdef OK
	spin_lock_init(&o->lk);
#elif defined(RWSEM)
	init_rwsem(&o->lk);
#else
	mutex_init(&o->lk);
#endif
	o->cnt = 2;
	g = o;
	INIT_WORK(&pw, other_user);
	schedule_work(&pw);
	put(o);
	flush_work(&pw);
}
