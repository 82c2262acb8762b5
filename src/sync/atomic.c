/* src/sync/atomic.c - weft_atomic_t: sequentially consistent shared
 * variables, each access one step.
 *
 * A load that sees the same value the same thread saw at its previous load
 * of that variable made no progress: the thread is marked spinning, so a
 * polling loop lets the other threads run instead of hanging the explorer
 * (any write ends the spinning of every thread). */
#include "sync.h"
#include "sched/sched.h"

static const char *aname(weft_atomic_t *a)
{
	return weft__objname(a, "atomic");
}

long weft__poll_note(const void *obj, long v)
{
	struct weft__thread *t = &weft__X->th[weft__self()];

	if (t->spin_obj == obj && t->spin_val == v)
		weft__spun();
	t->spin_obj = obj;
	t->spin_val = v;
	return v;
}

long weft_atomic_load_at(weft_atomic_t *a, const struct weft_loc *loc)
{
	weft__point("load", a, aname(a), WEFT__ACC_READ, loc);
	return weft__poll_note(a, a->v);
}

void weft_atomic_store_at(weft_atomic_t *a, long v, const struct weft_loc *loc)
{
	weft__point("store", a, aname(a), WEFT__ACC_WRITE, loc);
	a->v = v;
}

long weft_atomic_fetch_add_at(weft_atomic_t *a, long d,
			      const struct weft_loc *loc)
{
	long old;

	weft__point("fetch_add", a, aname(a), WEFT__ACC_WRITE, loc);
	old = a->v;
	a->v = old + d;
	return old;
}

long weft_atomic_exchange_at(weft_atomic_t *a, long v,
			     const struct weft_loc *loc)
{
	long old;

	weft__point("exchange", a, aname(a), WEFT__ACC_WRITE, loc);
	old = a->v;
	a->v = v;
	return old;
}

int weft_atomic_cas_at(weft_atomic_t *a, long *expected, long desired,
		       const struct weft_loc *loc)
{
	weft__point("cas", a, aname(a), WEFT__ACC_WRITE, loc);
	if (a->v == *expected) {
		a->v = desired;
		return 1;
	}
	*expected = a->v;
	weft__step_note("failed");
	weft__poll_note(a, a->v);
	return 0;
}
