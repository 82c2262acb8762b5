// A driver swaps its tasklet's statistics block while the tasklet is off:
// tasklet_disable_nosync only counts the disable, it does not wait for a
// tasklet that is already running, so the old block is freed under it.
// tasklet_disable_ok.c uses tasklet_disable, which waits.  weft did not
// model tasklet_disable at all (a compile error).
//! expect: bug use-after-free
#include <linux/interrupt.h>
#include <linux/slab.h>

struct stats {
	int rx;
};

struct dev {
	struct tasklet_struct t;
	struct stats *st;
};

static void rx_fn(struct tasklet_struct *t)
{
	struct dev *d = from_tasklet(d, t, t);
	struct stats *st = READ_ONCE(d->st);

	st->rx++;
}

static void swap_stats(struct dev *d, struct stats *fresh)
{
	struct stats *old;

#ifdef OK
	tasklet_disable(&d->t);
#else
	tasklet_disable_nosync(&d->t);
#endif
	old = d->st;
	WRITE_ONCE(d->st, fresh);
	kfree(old);
	tasklet_enable(&d->t);
}

WEFT_TEST(swap_under_disable)
{
	struct dev *d = kzalloc(sizeof(*d), GFP_KERNEL);

	d->st = kzalloc(sizeof(*d->st), GFP_KERNEL);
	tasklet_setup(&d->t, rx_fn);
	tasklet_schedule(&d->t);
	swap_stats(d, kzalloc(sizeof(*d->st), GFP_KERNEL));
	tasklet_kill(&d->t);
	kfree(d->st);
	kfree(d);
}
