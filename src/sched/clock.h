/* src/sched/clock.h - per-object access history (see clock.c). */
#ifndef WEFT_CLOCK_H
#define WEFT_CLOCK_H

#include "sched.h"

struct weft__objrec {
	const void *obj;
	struct weft__objrec *next;
	weft__vclock svc;          /* release clock: what an acquire of
				      the object synchronises with */
	weft__vclock rvc;          /* join of the (non-atomic) reads since
				      the last write, which it joins */
	long w_step;               /* step of the last write, -1 if none */
	int w_tid;
	uint32_t w_clk;            /* writer's own clock entry then */
	long a_step;               /* the same for the last non-release */
	int a_tid;                 /* write, which is what a blocking */
	uint32_t a_clk;            /* operation races with */
	uint64_t r_mask;           /* threads that read since the write */
	long r_step[WEFT__MAX_THREADS];
	uint32_t r_clk[WEFT__MAX_THREADS];
};

struct weft__objrec *weft__objrec_find(const void *obj, bool create);

#endif
