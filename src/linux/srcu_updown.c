/* src/linux/srcu_updown.c - srcu_down_read and srcu_up_read (Linux 6.2):
 * an SRCU read section that one task enters and another may leave, as a
 * semaphore is taken and released ("semaphore-like", include/linux/srcu.h).
 *
 * Such a section belongs to its domain, not to a thread: it is kept here,
 * with the stamp of its entry, and a grace period of the domain that
 * began after the entry waits until some srcu_up_read of the index ends
 * it (rcu.c's weft__lx_rcu_blocking_reader asks here).  The kernel's
 * lockdep does not track these sections, and neither does weft: no
 * "lock held when returning" for the thread that entered one, and no
 * srcu_read_lock_held, so srcu_dereference after srcu_down_read alone is
 * lockdep-RCU's suspicious usage, as in the kernel.  A section never
 * ended by the end of the test is reported (a grace period would wait
 * for it for ever). */
#include "lx.h"

#define MAX_DETACHED 16

static struct detached {
	const struct weft_rcu_domain *d;
	unsigned long stamp;
	const struct weft_loc *loc;
	int tid;
} det[MAX_DETACHED];
static int ndet;
static long det_gen = -1;

static void fresh(void)
{
	if (det_gen != weft__exec_gen()) {
		det_gen = weft__exec_gen();
		ndet = 0;
	}
}

int weft__lx_srcu_detached(const struct weft_rcu_domain *d, unsigned long s,
			   const struct weft_loc **loc)
{
	fresh();
	for (int i = 0; i < ndet; i++)
		if (det[i].d == d && det[i].stamp <= s) {
			if (loc)
				*loc = det[i].loc;
			return det[i].tid;
		}
	return -1;
}

int weft_kx_srcu_down_read(struct weft_rcu_domain *d,
			   const struct weft_loc *loc)
{
	unsigned long stamp;

	weft__lx_rcu_alive(d, "srcu_down_read", loc);
	weft__point("srcu_down_read", d, weft__lx_rcu_name(d), WEFT__ACC_READ,
		    loc);
	if (!d->used)
		weft__lx_rcu_note(d);
	d->used = 1;
	weft__lx_rcu_any_reader = true;
	fresh();
	if (ndet == MAX_DETACHED)
		weft__limit("rcu-domains", loc,
			    "more than %d srcu_down_read sections at once",
			    MAX_DETACHED);
	stamp = ++d->clock;
	det[ndet++] = (struct detached){ d, stamp, loc, weft__self() };
	return (int)(stamp & 1);
}

void weft_kx_srcu_up_read(struct weft_rcu_domain *d, int idx,
			  const struct weft_loc *loc)
{
	struct weft__op op = { .name = "srcu_up_read", .obj = d,
			       .objname = weft__lx_rcu_name(d),
			       .access = WEFT__ACC_READ, .release = true,
			       .loc = loc };
	int k = -1;

	weft__lx_rcu_alive(d, "srcu_up_read", loc);
	if (idx != 0 && idx != 1)
		weft__fail(WEFT__K(MISUSE), loc,
			   "srcu_up_read with index %d, which srcu_down_read "
			   "never returns", idx);
	weft__visible(&op);
	fresh();
	/* The kernel counts readers per index only: of the sections with
	 * this index, the newest ends, which leaves the oldest holding up
	 * the grace periods (the stricter choice). */
	for (int i = 0; i < ndet; i++)
		if (det[i].d == d && (int)(det[i].stamp & 1) == idx &&
		    (k < 0 || det[i].stamp > det[k].stamp))
			k = i;
	if (k < 0)
		weft__fail(WEFT__K(MISUSE), loc,
			   "srcu_up_read(%s, %d) without a matching "
			   "srcu_down_read", weft__lx_rcu_name(d), idx);
	det[k] = det[--ndet];
}

void weft__lx_srcu_detached_end_check(void)
{
	fresh();
	for (int i = 0; i < ndet; i++)
		weft__fail(WEFT__K(MISUSE), det[i].loc,
			   "a srcu_down_read section of %s (entered here by "
			   "%s) was never ended by srcu_up_read: every later "
			   "grace period of it waits for ever",
			   weft__lx_rcu_name(det[i].d),
			   weft__lx_tname(det[i].tid));
}
