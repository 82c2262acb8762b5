/* src/tsan/weak_lb.c - the load-buffering clause of weak.c's model of C11
 * atomics: the loads each thread made with no acquire, or no release
 * fence, after them yet, and the note a store after such a load raises.
 * The loads and stores themselves are weak.c's and weak_store.c's. */
#include "tsan/weak.h"

/* weft__verdict_note's key of the load-buffering note. */
#define LB_NOTE 0x4c4f414442554600ull

/* Load buffering, the one reordering weak.c does not explore: a load
 * reading a store that comes after it in the interleaving, which C11
 * allows when the store that follows the load in its thread is not
 * ordered after it by happens-before through the other thread: unless
 * the load acquires (or an acquire fence follows it) and the store
 * releases (or a release fence precedes it, after the load), a cycle of
 * such pairs is no happens-before cycle, and each load may read the
 * other thread's later store.  Only relaxed loads before relaxed stores
 * were noted, and an acquire load before a relaxed store (or a relaxed
 * load before a release store) was verified with "every interleaving"
 * (a probe of litmus programs).  Said once per test, on any verdict. */
static void lb_add(struct weft__wk_lb *c, const volatile void *a, uintptr_t pc)
{
	if (!c->a[0]) {
		c->a[0] = a;
		c->pc[0] = pc;
	} else if (!c->a[1] && c->a[0] != a) {
		c->a[1] = a;
		c->pc[1] = pc;
	}
}

/* A load kept in c of another location than a, or -1. */
static int lb_other(const struct weft__wk_lb *c, const volatile void *a)
{
	for (int k = 0; k < 2; k++)
		if (c->a[k] && c->a[k] != a)
			return k;
	return -1;
}

/* A store (or a read-modify-write's store) of order mo to a. */
void weft__wk_load_buffering(struct weft__wk_thr *t, const volatile void *a,
			      int mo, uintptr_t pc)
{
	const struct weft__wk_lb *c = &t->lb_acq;
	int k = -1;

	if (!weft__wk_releases(mo) && (k = lb_other(&t->lb_rel, a)) >= 0)
		c = &t->lb_rel;
	else if ((k = lb_other(&t->lb_acq, a)) < 0)
		return;
	/* Said once: the sites' look-ups and the message are made only
	 * for the first (each pair of a load and a store made them). */
	if (!weft__verdict_noted(LB_NOTE))
		weft__verdict_unexplored(
			WEFT__UNEXPLORED(LB), LB_NOTE,
			weft__internf(
				"load buffering is not explored: a load (%s) "
				"comes before a store to another location "
				"(%s) with no acquire after the load and "
				"release before the store between them; a bug "
				"that needs the load to read a store made "
				"after it is not found",
				weft__wk_site(c->pc[k]), weft__wk_site(pc)));
	t->lb_acq = t->lb_rel = (struct weft__wk_lb){ { 0 }, { 0 } };
}

/* A load (or a read-modify-write's read) of order mo of a. */
void weft__wk_load_seen(struct weft__wk_thr *t, const volatile void *a,
			 int mo, uintptr_t pc)
{
	lb_add(&t->lb_rel, a, pc);
	if (!weft__wk_acquires(mo))
		lb_add(&t->lb_acq, a, pc);
}
