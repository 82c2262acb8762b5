/* src/sync/atomic.c - weft_atomic_t: sequentially consistent shared
 * variables, each access one step.
 *
 * A load that sees a value the same thread already saw at that variable
 * since its last write, with nothing new read in between, made no
 * progress (weft__poll): the thread is marked spinning, so a polling loop
 * lets the other threads run instead of hanging the explorer (any write
 * ends the spinning of every thread). */
#include "sync.h"

static const char *aname(weft_atomic_t *a)
{
	return weft__objname(a, "atomic");
}

long weft_atomic_load_at(weft_atomic_t *a, const struct weft_loc *loc)
{
	weft__point("load", a, aname(a), WEFT__ACC_READ, loc);
	return weft__poll(a, a->v);
}

void weft_atomic_store_at(weft_atomic_t *a, long v, const struct weft_loc *loc)
{
	weft__point("store", a, aname(a), WEFT__ACC_WRITE, loc);
	a->v = v;
	weft__poll_forget();
}

/* A read-modify-write that leaves the value as it is (an exchange with
 * the value already there, a test-and-set of a set flag, adding 0) only
 * reads: it commutes with other reads and is a poll.  op->arg2 is the
 * value it would store, op->arg non-NULL for an addition. */
static uint8_t rmw_access(const struct weft__op *op)
{
	const weft_atomic_t *a = op->obj;
	long neu = op->arg ? a->v + op->arg2 : op->arg2;

	return neu == a->v ? WEFT__ACC_READ : WEFT__ACC_WRITE;
}

static long rmw(weft_atomic_t *a, long v, bool add, const char *name,
		const struct weft_loc *loc)
{
	struct weft__op op = { .name = name, .obj = a, .objname = aname(a),
			       .access = WEFT__ACC_WRITE,
			       .access_now = rmw_access, .arg2 = v,
			       .arg = add ? (void *)1 : NULL, .loc = loc };
	long old;

	weft__visible(&op);
	old = a->v;
	a->v = add ? old + v : v;
	if (a->v == old)
		weft__poll(a, old);
	else
		weft__poll_forget();
	return old;
}

long weft_atomic_fetch_add_at(weft_atomic_t *a, long d,
			      const struct weft_loc *loc)
{
	return rmw(a, d, true, "fetch_add", loc);
}

long weft_atomic_exchange_at(weft_atomic_t *a, long v,
			     const struct weft_loc *loc)
{
	return rmw(a, v, false, "exchange", loc);
}

/* A compare-exchange that fails only reads: it commutes with other reads
 * and is a poll, like a failed trylock. */
static uint8_t cas_access(const struct weft__op *op)
{
	return ((const weft_atomic_t *)op->obj)->v == op->arg2
		       ? WEFT__ACC_WRITE
		       : WEFT__ACC_READ;
}

int weft_atomic_cas_at(weft_atomic_t *a, long *expected, long desired,
		       const struct weft_loc *loc)
{
	struct weft__op op = { .name = "cas", .obj = a, .objname = aname(a),
			       .access = WEFT__ACC_WRITE,
			       .access_now = cas_access, .arg2 = *expected,
			       .loc = loc };

	weft__visible(&op);
	if (a->v == *expected) {
		a->v = desired;
		weft__poll_forget();
		return 1;
	}
	*expected = a->v;
	weft__step_note("failed");
	weft__poll(a, a->v);
	return 0;
}
