/* src/linux/refcount.c - refcount_t and kref.
 *
 * Each operation is a step on the counter.  The mistakes the kernel's
 * refcount_t warns about ("addition on 0; use-after-free", "underflow",
 * "decrement hit 0; leaking memory") are reported as kind `refcount`.
 * krefs initialised inside kmalloc'd memory are remembered, so an object
 * whose last reference was never dropped is named at the end of the test. */
#include "lx.h"
#include <weft/refcount.h>

#define MAX_KREFS 256

static struct {
	const struct weft_kref *k;
	const struct weft_loc *loc;
} krefs[MAX_KREFS];
static int nkrefs;

void weft__lx_kref_begin(void)
{
	nkrefs = 0;
}

void weft_refcount_set(struct weft_refcount *r, int n,
		       const struct weft_loc *loc)
{
	weft__point("refcount_set", r, NULL, WEFT__ACC_WRITE, loc);
	weft__check_access(r, sizeof *r, true, loc);
	r->refs = n;
	r->saturated = 0;
}

int weft_refcount_read(struct weft_refcount *r, const struct weft_loc *loc)
{
	weft__point("refcount_read", r, NULL, WEFT__ACC_READ, loc);
	weft__check_access(r, sizeof *r, false, loc);
	return r->refs;
}

int weft_refcount_add(struct weft_refcount *r, int delta, int not_zero,
		      int may_hit_zero, const char *what,
		      const struct weft_loc *loc)
{
	int old;

	/* Memory is checked when the step is taken: another thread may free
	 * it while this one waits at the scheduling point. */
	weft__point(what, r, NULL, WEFT__ACC_WRITE, loc);
	weft__check_access(r, sizeof *r, true, loc);
	old = r->refs;
	if (delta > 0) {
		if (old == 0 && not_zero) {
			weft__step_note("was zero");
			return 0;
		}
		if (old <= 0)
			weft__fail(WEFT__K(REFCOUNT), loc,
				   "%s on a reference count of %d: the object "
				   "may already have been released", what, old);
		r->refs = old + delta;
		return 1;
	}
	if (old + delta < 0)
		weft__fail(WEFT__K(REFCOUNT), loc,
			   "%s on a reference count of %d: underflow, the "
			   "reference was already dropped", what, old);
	if (old + delta == 0 && !may_hit_zero)
		weft__fail(WEFT__K(REFCOUNT), loc,
			   "%s dropped the last reference without releasing "
			   "the object (use a _and_test variant)", what);
	r->refs = old + delta;
	return r->refs == 0;
}

/* The step of a conditional decrement: the count it finds, which must
 * still hold a reference. */
static int dec_step(struct weft_refcount *r, const char *what,
		    const struct weft_loc *loc)
{
	int old;

	weft__point(what, r, NULL, WEFT__ACC_WRITE, loc);
	weft__check_access(r, sizeof *r, true, loc);
	old = r->refs;
	if (old <= 0)
		weft__fail(WEFT__K(REFCOUNT), loc,
			   "%s on a reference count of %d: underflow, the "
			   "reference was already dropped", what, old);
	return old;
}

int weft_refcount_dec_not_one(struct weft_refcount *r, const char *what,
			      const struct weft_loc *loc)
{
	int old = dec_step(r, what, loc);

	if (old == 1) {
		weft__step_note("was one");
		return 0;
	}
	r->refs = old - 1;
	return 1;
}

int weft_refcount_dec_if_one(struct weft_refcount *r, const char *what,
			     const struct weft_loc *loc)
{
	/* A compare-exchange from 1 to 0: any other count, 0 included (a
	 * racing dec_if_one won), is left as it is, without a warning. */
	weft__point(what, r, NULL, WEFT__ACC_WRITE, loc);
	weft__check_access(r, sizeof *r, true, loc);
	if (r->refs != 1) {
		weft__step_note("not one");
		return 0;
	}
	r->refs = 0;
	return 1;
}

void weft_kref_init(struct weft_kref *k, const struct weft_loc *loc)
{
	weft__check_access(k, sizeof *k, true, loc);
	k->refcount.refs = 1;
	k->refcount.saturated = 0;
	for (int i = 0; i < nkrefs; i++)
		if (krefs[i].k == k) {
			krefs[i].loc = loc;
			return;
		}
	if (nkrefs < MAX_KREFS && weft__is_tracked(k)) {
		krefs[nkrefs].k = k;
		krefs[nkrefs++].loc = loc;
	}
}

int weft_kref_put(struct weft_kref *k, void (*release)(struct weft_kref *),
		  const struct weft_loc *loc)
{
	if (!weft_refcount_add(&k->refcount, -1, 0, 1, "kref_put", loc))
		return 0;
	release(k);
	return 1;
}

void weft__lx_kref_end_check(void)
{
	for (int i = 0; i < nkrefs; i++) {
		size_t n;
		const void *b = weft__heap_live_block(krefs[i].k, &n);
		if (!b || krefs[i].k->refcount.refs <= 0)
			continue;
		weft__fail(WEFT__K(LEAK), krefs[i].loc,
			   "an object whose kref was initialised here still "
			   "holds %d reference%s at the end of the test and "
			   "was never released", krefs[i].k->refcount.refs,
			   krefs[i].k->refcount.refs == 1 ? "" : "s");
	}
}
