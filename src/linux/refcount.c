/* src/linux/refcount.c - refcount_t and kref.
 *
 * Each operation is a step on the counter, ordered as
 * Documentation/core-api/refcount-vs-atomic.rst says: refcount_set and
 * the increments order nothing (a control dependency orders no load),
 * the decrements release, and those that may reach zero acquire as well.
 * They were steps ordered as a lock's, and a plain store published by
 * refcount_set or refcount_inc to a reader of the count was verified (a
 * probe).  As the kernel atomics' loads do here (katomic.c), refcount_read
 * and the _not_zero increments acquire, since smp_rmb is not modelled, and
 * a decrement that may reach zero acquires when it does not too: both are
 * said in a note.
 *
 * The mistakes the kernel's refcount_t warns about ("addition on 0;
 * use-after-free", "underflow", "decrement hit 0; leaking memory") are
 * reported as kind `refcount`.  krefs initialised inside kmalloc'd memory
 * are remembered, so an object whose last reference was never dropped is
 * named at the end of the test. */
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

/* The step of operation what on r, ordered by order (op.h: relaxed ones
 * after the thread's last smp_wmb or smp_mb, as the kernel's relaxed
 * atomics are). */
static void step(const char *what, struct weft_refcount *r, bool write,
		 uint8_t order, const struct weft_loc *loc)
{
	struct weft__op o = { .name = what, .obj = r,
			      .access = write ? WEFT__ACC_WRITE
					      : WEFT__ACC_READ,
			      .order = (uint8_t)(WEFT__ORDER_EXPLICIT | order),
			      .loc = loc };

	weft__visible(&o);
}

/* Said in the verdict of a test where the model ordered more than the
 * kernel (see the top). */
static void acquire_note(void)
{
	static long gen = -1;

	if (gen == weft__exec_gen())
		return;
	gen = weft__exec_gen();
	weft__verdict_note(0x5245464f52444552ull,
			   "refcount_read and the _not_zero increments "
			   "acquire, and refcount_dec_and_test, "
			   "refcount_dec_if_one and kref_put whether or not "
			   "they drop the last reference: stronger than the "
			   "kernel (a missing smp_rmb is not found)");
}

/* An increment's order: none, but a _not_zero one's read acquires as
 * the kernel atomics' loads do here (katomic.c), since smp_rmb and
 * control dependencies are not modelled. */
static uint8_t inc_order(const char *what, int not_zero)
{
	if (!not_zero)
		return WEFT__ORDER_RMW | WEFT__ORDER_FENCED;
	if (!weft__lx_ends(what, "_acquire"))
		acquire_note();
	return WEFT__ORDER_RMW | WEFT__ORDER_FENCED | WEFT__ORDER_ACQUIRE;
}

void weft_refcount_set(struct weft_refcount *r, int n,
		       const struct weft_loc *loc)
{
	step("refcount_set", r, true, WEFT__ORDER_FENCED, loc);
	weft__check_access(r, sizeof *r, true, loc);
	r->refs = n;
	r->saturated = 0;
}

void weft_refcount_set_release(struct weft_refcount *r, int n,
			       const struct weft_loc *loc)
{
	step("refcount_set_release", r, true, WEFT__ORDER_RELEASE, loc);
	weft__check_access(r, sizeof *r, true, loc);
	r->refs = n;
	r->saturated = 0;
}

int weft_refcount_read(struct weft_refcount *r, const struct weft_loc *loc)
{
	acquire_note();
	step("refcount_read", r, false, WEFT__ORDER_ACQUIRE, loc);
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
	step(what, r, true,
	     delta > 0 ? inc_order(what, not_zero)
		       : WEFT__ORDER_RMW | WEFT__ORDER_RELEASE |
				 (may_hit_zero ? WEFT__ORDER_ACQUIRE : 0),
	     loc);
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
	if (r->refs && may_hit_zero && !not_zero)
		acquire_note();
	return r->refs == 0;
}

/* The step of a conditional decrement: the count it finds, which must
 * still hold a reference. */
static int dec_step(struct weft_refcount *r, const char *what,
		    const struct weft_loc *loc)
{
	int old;

	step(what, r, true, WEFT__ORDER_RMW | WEFT__ORDER_RELEASE, loc);
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
	 * racing dec_if_one won), is left as it is, without a warning.  A
	 * release, and (lib/refcount.c) a control dependency the free
	 * after a 1 -> 0 comes after: an acquire here, as dec_and_test's,
	 * whether or not it drops the count.  As a release only, a
	 * garbage collector freeing an entry whose last user wrote to it
	 * before its refcount_dec_and_test was a false data race (a probe
	 * of seed 001's pattern). */
	step(what, r, true,
	     WEFT__ORDER_RMW | WEFT__ORDER_RELEASE | WEFT__ORDER_ACQUIRE, loc);
	weft__check_access(r, sizeof *r, true, loc);
	if (r->refs != 1) {
		weft__step_note("not one");
		acquire_note();
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
