// A worker announces it started, updates the object, then enters and
// leaves a region with preemption off (preempt_disable), on unrelated
// data.  The owner waits for the announcement and frees the object after a
// grace period (sync).  A grace period waits only for read-side sections
// (and, since 4.20, regions with preemption/bh/irqs off) that began before
// it; the worker's update is in none, so it can come after the free.  The
// ok twin waits for a second completion the worker signals after its
// update.  preempt_disable was no scheduling point: the period could not
// begin between the update and the region, whose end then ordered the
// update before the period's start, and the exhaustive search said
// verified in one schedule; random and PCT schedules could not find it
// either (a probe comparing the strategies).  rcu_gp_bh_region_bug.c and
// rcu_gp_irqsave_region_bug.c run it with the other two disables.
//! expect: bug use-after-free
//! args: --strategy=dfs
#include <linux/slab.h>
#include <linux/rcupdate.h>
#include <linux/completion.h>
#include <linux/preempt.h>
#include <linux/bottom_half.h>
#include <linux/irqflags.h>
#ifndef REGION_NAME
#define REGION_NAME rcu_gp_preempt_region
#define REGION_ENTER() preempt_disable()
#define REGION_EXIT() preempt_enable()
#endif
/* The name is expanded before WEFT_TEST pastes it. */
#define REGION_TEST(name) WEFT_TEST(name)
static int stats;
struct dev { struct completion started, done; int n; };

static void worker(void *arg)
{
	struct dev *d = arg;
	unsigned long flags;

	(void)flags;
	complete(&d->started);
	d->n++;
#ifdef FIXED
	complete(&d->done);
#endif
	REGION_ENTER();
	stats++;
	REGION_EXIT();
}
REGION_TEST(REGION_NAME)
{
	struct dev *d = kzalloc(sizeof(*d), GFP_KERNEL);
	weft_thread_t t;

	init_completion(&d->started);
	init_completion(&d->done);
	t = weft_spawn(worker, d);
	wait_for_completion(&d->started);
#ifdef FIXED
	wait_for_completion(&d->done);
#endif
	synchronize_rcu();
	kfree(d);
	weft_join(t);
}
