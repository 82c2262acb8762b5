/* src/sched/point.c - what a running thread's code tells the scheduler
 * besides its visible operations (weft__visible, sched.c): plain
 * scheduling points, memory accesses, progress and spinning for fair
 * scheduling, notes on the step just taken, and explored choices. */
#include "sched.h"

void weft__point(const char *name, const void *obj, const char *objname,
		 enum weft__access acc, const struct weft_loc *loc)
{
	struct weft__op op = { .name = name, .obj = obj, .objname = objname,
			       .access = (uint8_t)acc, .loc = loc };
	weft__visible(&op);
}

void weft__release_point(const char *name, const void *obj,
			 const char *objname, const struct weft_loc *loc)
{
	struct weft__op op = { .name = name, .obj = obj, .objname = objname,
			       .access = WEFT__ACC_WRITE, .release = true,
			       .loc = loc };
	weft__visible(&op);
}

void weft__note_progress(void)
{
	if (weft__X && weft__X->cur >= 0)
		weft__X->progress = true;
}

/* The race detector's view of the running thread (internal.h), changed
 * with X->cur and only here, so the two always agree. */
struct weft__running weft__running;

void weft__set_running(int tid)
{
	struct weft__exec *X = weft__X;
	const struct weft__stack *s;

	X->cur = tid;
	if (tid < 0) {
		weft__running = (struct weft__running){ .tid = -1 };
		return;
	}
	s = X->th[tid].stack;
	weft__running = (struct weft__running){
		.vc = X->th[tid].vc,
		.stack_lo = s ? (const char *)s->base : NULL,
		.stack_hi = s ? (const char *)s->base + s->size : NULL,
		.progress = &X->progress,
		.tid = tid,
	};
}

void weft__saw_change(void)
{
	struct weft__exec *X = weft__X;

	if (X && X->cur >= 0)
		X->th[X->cur].spinning = false;
}

void weft__spun(void)
{
	struct weft__exec *X = weft__X;

	if (X && X->cur >= 0) {
		X->th[X->cur].spinning = true;
		X->spin_any = true;
		X->th[X->cur].yield_wait = X->enabled;
		weft__ts_del(&X->th[X->cur].yield_wait, X->cur);
		X->progress = false;
	}
}

long weft__poll(const void *obj, long v)
{
	struct weft__thread *t = &weft__X->th[weft__self()];

	if (t->spin_obj == obj && t->spin_val == v)
		weft__spun();
	t->spin_obj = obj;
	t->spin_val = v;
	return v;
}

void weft__timed_out(void)
{
	weft__step_note("timed out");
	weft__spun();
}

void weft__step_note(const char *s)
{
	struct weft__exec *X = weft__X;

	if (X && X->nsteps > 0)
		weft__trace_steps(&weft__S->t)[X->nsteps - 1].note = s;
}

int weft__choose(int n, const char *what, const struct weft_loc *loc)
{
	struct weft__trace *T = &weft__S->t;
	int v;

	if (n <= 0)
		weft__fail(WEFT__K(MISUSE), loc,
			   "weft_choose(%d): n must be positive", n);
	weft__point("choose", NULL, what, WEFT__ACC_NONE, loc);
	if (n == 1)
		return 0;
	if (T->ndec >= T->cap)
		weft__limit("step-limit", loc,
			    "an execution made more decisions than "
			    "--max-steps allows");
	v = weft__strat->value(n);
	if (v < 0 || v >= n)
		weft__die("strategy %s chose %d outside [0,%d)",
			  weft__strat->name, v, n);
	weft__trace_dec(T)[T->ndec++] = (uint32_t)v;
	weft__trace_steps(T)[weft__X->nsteps - 1].kind = STEP_CHOICE;
	weft__trace_steps(T)[weft__X->nsteps - 1].value = v;
	return v;
}
