/* src/sched/clock.h - per-object access history (see clock.c). */
#ifndef WEFT_CLOCK_H
#define WEFT_CLOCK_H

#include "sched.h"

struct weft__objrec {
	const void *obj;
	struct weft__objrec *next;
	long w_step;               /* step of the last write, -1 if none */
	int w_tid;
	uint32_t w_clk;            /* writer's own clock entry then */
	long a_step;               /* the same for the last non-release */
	int a_tid;                 /* write, which is what a blocking */
	uint32_t a_clk;            /* operation races with */
	weft__tset r_mask;         /* threads that read since the write */
	/* Per-thread entries, cap of them (at least the execution's
	 * threads): sized to the threads there are, since most tests have
	 * a few and a record per object is made in every execution. */
	int cap;
	uint32_t *svc;             /* release clock: what an acquire of
				      the object synchronises with */
	uint32_t *rvc;             /* join of the (non-atomic) reads since
				      the last write, which it joins */
	long *r_step;              /* for the members of r_mask: the step */
	uint32_t *r_clk;           /* and the reader's own clock entry */
};

struct weft__objrec *weft__objrec_find(const void *obj, bool create);

#endif
