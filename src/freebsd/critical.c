/* src/freebsd/critical.c - critical_enter(9) and critical_exit(9).
 *
 * A critical section defers preemption on the CPU: the kernel counts its
 * nesting per thread (td_critnest), and a thread in one may neither sleep
 * (mi_switch asserts "switch in a critical section") nor take a lock that
 * may block (WITNESS: "acquiring blockable sleep lock with spinlock or
 * critical section held").  The count is the thread's entry in the FreeBSD
 * state, stamped with its serial, since a thread record is reused; the
 * checks are the ones made for a held spin mutex (mtx.c), which is a
 * critical section in the kernel too.  Neither call is a scheduling
 * point: only the calling thread reads or writes its count. */
#include "freebsd/bsd.h"

/* The caller's entry, its count reset when the record held another
 * thread before. */
static struct bsd_thread *crit_self(void)
{
	struct bsd_thread *t = weft__bsd_self();
	uint64_t serial = weft__thread_serial(weft__self()) + 1;

	if (t->crit_serial != serial) {
		t->crit_serial = serial;
		t->critnest = 0;
		t->crit_loc = NULL;
	}
	return t;
}

void weft_bsd_critical_enter_at(const struct weft_loc *loc)
{
	struct bsd_thread *t = crit_self();

	if (t->critnest++ == 0)
		t->crit_loc = loc;
}

void weft_bsd_critical_exit_at(const struct weft_loc *loc)
{
	struct bsd_thread *t = crit_self();

	if (t->critnest <= 0)
		weft__fail(WEFT__K(MISUSE), loc,
			   "critical_exit without critical_enter: the thread "
			   "is not in a critical section");
	if (--t->critnest == 0)
		t->crit_loc = NULL;
}

const struct weft_loc *weft__bsd_critical_site(void)
{
	const struct bsd_state *s = weft__bsd_peek();
	const struct bsd_thread *t;
	int self = weft__self();

	/* Nothing to look up before the models were used, or outside a
	 * test thread. */
	if (!s || self < 0 || self >= WEFT__MAX_THREADS)
		return NULL;
	t = &s->th[self];
	if (t->crit_serial != weft__thread_serial(self) + 1 || t->critnest <= 0)
		return NULL;
	return t->crit_loc;
}

void weft__bsd_no_critical(const char *what, const char *why,
			   const struct weft_loc *loc)
{
	const struct weft_loc *crit = weft__bsd_critical_site();

	if (crit)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s inside a critical section (critical_enter at "
			   "%s): %s", what, weft__bsd_site(crit), why);
}

void weft__bsd_no_section(const char *what, const char *why,
			  const struct weft_loc *loc)
{
	const struct weft_bsd_mtx *spin = weft__bsd_spin_held();

	weft__bsd_no_critical(what, why, loc);
	if (spin)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s while holding spin mutex %s (taken at %s), a "
			   "critical section: %s",
			   what, weft__bsd_mtx_name(spin),
			   weft__bsd_site(spin->m.acquired), why);
}

void weft_bsd_may_block(const char *what, const struct weft_loc *loc)
{
	weft__bsd_no_section(what, "a thread in a critical section may not "
			     "take a lock that blocks", loc);
}
