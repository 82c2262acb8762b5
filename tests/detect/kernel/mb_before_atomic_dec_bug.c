// A work drops its reference with a relaxed atomic_dec; the owner polls
// the count until it is zero and frees the object.  atomic_dec orders
// nothing (Documentation/atomic_t.txt): the free races with the
// decrement's own write, and with the work's plain store before it.
// mb_before_atomic_dec_ok.c puts smp_mb__before_atomic() before the
// decrement, which makes it fully ordered: taken for a release fence
// alone, the decrement's own write still raced with the free, a false
// data race (a probe's).
//! expect(wait_refs): bug data-race
//! expect(bit_then_free): bug data-race
#include <linux/slab.h>
#include <linux/workqueue.h>
#include <linux/delay.h>
#include <linux/atomic.h>

#ifdef FIXED
#define BEFORE_ATOMIC() smp_mb__before_atomic()
#else
#define BEFORE_ATOMIC() do { } while (0)
#endif

struct ndev {
	atomic_t refcnt;
	unsigned long flags;
	int stat;
	struct work_struct w;
};

static void put_fn(struct work_struct *w)
{
	struct ndev *d = container_of(w, struct ndev, w);

	d->stat = 1;
	BEFORE_ATOMIC();
	atomic_dec(&d->refcnt);
}

WEFT_TEST(wait_refs)
{
	struct ndev *d = kzalloc(sizeof(*d), GFP_KERNEL);

	atomic_set(&d->refcnt, 1);
	INIT_WORK(&d->w, put_fn);
	schedule_work(&d->w);
	while (atomic_read(&d->refcnt) != 0)
		msleep(10);
	kfree(d);
}

/* The same with a bit: smp_mb__before_atomic(); clear_bit() is the
 * kernel's older spelling of clear_bit_unlock(). */
static void clear_fn(struct work_struct *w)
{
	struct ndev *d = container_of(w, struct ndev, w);

	d->stat = 1;
	BEFORE_ATOMIC();
	clear_bit(0, &d->flags);
}

WEFT_TEST(bit_then_free)
{
	struct ndev *d = kzalloc(sizeof(*d), GFP_KERNEL);

	set_bit(0, &d->flags);
	INIT_WORK(&d->w, clear_fn);
	schedule_work(&d->w);
	while (test_bit(0, &d->flags))
		msleep(10);
	kfree(d);
}
