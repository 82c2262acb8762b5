// A tasklet's object is freed by its owner after tasklet_kill has waited
// for the tasklet.  tasklet_free_self_bug.c lets the tasklet free its own
// object: the kernel's tasklet_action clears the tasklet's state after
// the function returns, a use-after-free (a work item may free itself;
// a tasklet may not).  weft ran tasklets as work items and verified it
// (found by a probe of kernel patterns).
//! expect(tasklet_free): verified
#include <linux/interrupt.h>
#include <linux/slab.h>

struct ev {
	struct tasklet_struct tl;
	int n;
};

static void ev_fn(struct tasklet_struct *t)
{
	struct ev *e = from_tasklet(e, t, tl);

	e->n++;
#ifdef FREE_SELF
	kfree(e);
#endif
}

WEFT_TEST(tasklet_free)
{
	struct ev *e = kzalloc(sizeof(*e), GFP_KERNEL);

	tasklet_setup(&e->tl, ev_fn);
	tasklet_schedule(&e->tl);
	tasklet_kill(&e->tl);
#ifndef FREE_SELF
	kfree(e);
#endif
}
