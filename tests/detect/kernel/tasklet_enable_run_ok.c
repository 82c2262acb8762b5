// A tasklet scheduled while it is disabled stays scheduled: it does not
// run until tasklet_enable, and then it does, so the driver may touch the
// tasklet's data without a lock while it is disabled (no data race), and
// after tasklet_kill the run has happened.  Counting the disables matters:
// after two disables and one enable it still does not run.
// tasklet_enable_run_bug.c frees the data while the tasklet is disabled,
// expecting the disable to have dropped the scheduled run.  weft did not
// model tasklet_disable at all (a compile error).
//! expect(held_until_enable): verified
//! expect(born_disabled): verified
#include <linux/interrupt.h>
#include <linux/slab.h>

struct dev {
	struct tasklet_struct t;
	int cfg, runs, seen;
};

static void run_fn(struct tasklet_struct *t)
{
	struct dev *d = from_tasklet(d, t, t);

	d->seen = d->cfg;
	d->runs++;
}

WEFT_TEST(held_until_enable)
{
	struct dev *d = kzalloc(sizeof(*d), GFP_KERNEL);

	tasklet_setup(&d->t, run_fn);
	tasklet_disable(&d->t);
	tasklet_disable(&d->t);
	tasklet_schedule(&d->t);
	tasklet_schedule(&d->t);        /* still scheduled: nothing */
	d->cfg = 1;
	tasklet_enable(&d->t);
	d->cfg = 2;
	tasklet_enable(&d->t);
	tasklet_kill(&d->t);
	WARN_ON(d->runs != 1 || d->seen != 2);
	kfree(d);
}

static int born_runs;

static void born_fn(struct tasklet_struct *t)
{
	(void)t;
	born_runs++;
}

static DECLARE_TASKLET_DISABLED(born, born_fn);

WEFT_TEST(born_disabled)
{
	tasklet_schedule(&born);
	born_runs = 10;
	tasklet_enable(&born);
	tasklet_kill(&born);
	WARN_ON(born_runs != 11);
}
