// A work function announces it started and then updates the device; the
// owner waits for the announcement, waits a grace period and frees.  A work
// function runs in process context and is no RCU reader, so
// synchronize_rcu() does not wait for it (Documentation/RCU/whatisRCU.rst:
// it waits for pre-existing read-side critical sections only): the update
// can land after kfree.  The twin flushes the work instead.
// The end of the work function counted as the end of an RCU reader's
// region, and the grace period began after it was ordered after the
// update: all three strategies said verified or pass.
//! expect: bug use-after-free
//! args: --strategy=dfs
#include <linux/slab.h>
#include <linux/rcupdate.h>
#include <linux/completion.h>
#include <linux/workqueue.h>

struct dev {
	struct work_struct w;
	struct completion started;
	int n;
};

static void fn(struct work_struct *w)
{
	struct dev *d = container_of(w, struct dev, w);

	complete(&d->started);
	d->n++;
}

WEFT_TEST(work_started_sync_rcu)
{
	struct dev *d = kzalloc(sizeof(*d), GFP_KERNEL);

	init_completion(&d->started);
	INIT_WORK(&d->w, fn);
	schedule_work(&d->w);
	wait_for_completion(&d->started);
#ifdef FIXED
	flush_work(&d->w);
#else
	synchronize_rcu();
#endif
	kfree(d);
}
