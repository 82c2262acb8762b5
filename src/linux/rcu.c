/* src/linux/rcu.c - RCU domains and their grace periods (read sections
 * and RCU-protected pointers are in rcu_read.c, callbacks in rcu_cb.c).
 *
 * A domain is one kind of grace period, as liburcu's flavours are: the
 * classic RCU is the static domain weft__lx_rcu_classic, and every SRCU
 * srcu_struct embeds its own.  The per-flavour differences (the names of
 * the operations, whether readers may sleep) are one table; everything
 * else is the same code for every domain.
 *
 * Grace periods are exact: a stamp counter per domain orders section
 * entries and grace-period starts, and a grace period that started at
 * stamp S has elapsed once no thread is in a read section of the domain
 * it entered at or before S.  Section entry and exit are READ steps on
 * the domain (readers do not affect one another); grace-period steps are
 * WRITEs, so partial-order reduction orders them against every reader. */
#include <stdio.h>

#include "lx.h"
#include "tsan/tsan.h"
#include <weft/kmem.h>

struct weft_rcu_domain weft__lx_rcu_classic = WEFT_RCU_DOMAIN_INIT("rcu", 0);

/* Domains that had a reader or queued a callback this execution: a free
 * is a step on each (ordered against their readers), and the end of the
 * test checks their callbacks. */
static struct weft_rcu_domain *doms[16];
static int ndoms;

static const struct weft__lx_rcu_flavour flavours[3] = {
	{ "rcu_read_lock", "rcu_read_unlock", "synchronize_rcu", "call_rcu",
	  "rcu_barrier", "rcu_dereference", "cleanup_srcu_struct" },
	{ "srcu_read_lock", "srcu_read_unlock", "synchronize_srcu",
	  "call_srcu", "srcu_barrier", "srcu_dereference",
	  "cleanup_srcu_struct" },
	{ "epoch_enter", "epoch_exit", "epoch_wait", "epoch_call",
	  "epoch_drain_callbacks", "epoch_load", "epoch_free" },
};

const struct weft__lx_rcu_flavour *weft__lx_rcu_flavour(
	const struct weft_rcu_domain *d)
{
	return &flavours[d->epoch ? 2 : d->sleepable ? 1 : 0];
}

const char *weft__lx_rcu_name(const struct weft_rcu_domain *d)
{
	return d->name ? d->name : weft__objname(d, "srcu");
}

void weft__lx_rcu_begin(void)
{
	struct weft_rcu_domain *c = &weft__lx_rcu_classic;

	*c = (struct weft_rcu_domain)WEFT_RCU_DOMAIN_INIT("rcu", 0);
	ndoms = 0;
	weft__lx_rcu_any_reader = false;
	weft__lx_rcu_cb_begin();
}

/* Remember d for the end of the test (once). */
void weft__lx_rcu_note(struct weft_rcu_domain *d)
{
	for (int i = 0; i < ndoms; i++)
		if (doms[i] == d)
			return;
	if (ndoms == (int)(sizeof doms / sizeof doms[0]))
		weft__limit("rcu-domains", NULL,
			    "more than %d RCU and SRCU domains with callbacks "
			    "in one execution", ndoms);
	doms[ndoms++] = d;
}

int weft__lx_rcu_ndomains(struct weft_rcu_domain ***all)
{
	*all = doms;
	return ndoms;
}

/* Misuse unless d is live memory and not cleaned up. */
void weft__lx_rcu_alive(struct weft_rcu_domain *d, const char *what,
			const struct weft_loc *loc)
{
	if (d == &weft__lx_rcu_classic)
		return;
	weft__check_access(d, sizeof *d, false, loc);
	if (d->dead)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s on %s after %s", what, weft__lx_rcu_name(d),
			   weft__lx_rcu_flavour(d)->cleanup);
}

/* ---- grace periods ---------------------------------------------------------- */

const void *weft__lx_rcu_late_obj(const struct weft_rcu_domain *d)
{
	return &d->late_min;
}

bool weft__lx_rcu_gp_pending(const struct weft_rcu_domain *d)
{
	int n = weft__nthreads();

	if (d->head)
		return true;
	for (int i = 0; i < n; i++)
		if (weft__lx_th[i].gp_domain == d)
			return true;
	return false;
}

static bool always(const struct weft__op *op)
{
	(void)op;
	return true;
}

/* A step that never waits, but is a blocking acquisition for partial-
 * order reduction: the late sections' ends are releases it follows, and
 * a race between such an end and this step (the waiter's period could
 * not end before the section did) is no race to reverse. */
void weft__lx_rcu_late_acquire(struct weft_rcu_domain *d, unsigned long s,
			       const char *what, const struct weft_loc *loc)
{
	struct weft__op op = { .name = what, .obj = weft__lx_rcu_late_obj(d),
			       .objname = weft__lx_rcu_name(d),
			       .access = WEFT__ACC_WRITE, .ready = always,
			       .loc = loc };

	if (d->late_min && d->late_min < s)
		weft__visible(&op);
}

/* The first thread still inside a read section of d entered at or before
 * stamp s, or -1. */
int weft__lx_rcu_blocking_reader(const struct weft_rcu_domain *d,
				 unsigned long s)
{
	int n = weft__nthreads();

	for (int i = 0; i < n; i++) {
		unsigned long stamp;
		const struct weft_loc *loc;
		if (weft__lx_rcu_depth(&weft__lx_th[i], d, &stamp,
				       &loc) > 0 &&
		    stamp <= s)
			return i;
	}
	/* A srcu_down_read section, which no thread holds. */
	return d->sleepable ? weft__lx_srcu_detached(d, s, NULL) : -1;
}

static bool gp_elapsed(const struct weft__op *op)
{
	return weft__lx_rcu_blocking_reader(op->obj,
					    (unsigned long)op->arg2) < 0;
}

static int gp_waitdesc(const struct weft__op *op, char *buf, size_t n)
{
	const struct weft_rcu_domain *d = op->obj;
	int t = weft__lx_rcu_blocking_reader(d, (unsigned long)op->arg2);
	unsigned long stamp = 0;
	const struct weft_loc *loc = NULL;

	if (t < 0) {
		snprintf(buf, n, "a grace period of %s", weft__lx_rcu_name(d));
		return -1;
	}
	if (weft__lx_rcu_depth(&weft__lx_th[t], d, &stamp, &loc) <= 0 &&
	    weft__lx_srcu_detached(d, (unsigned long)op->arg2, &loc) >= 0) {
		snprintf(buf, n, "a grace period: a srcu_down_read section of "
			 "%s (%s at %s) is not ended by srcu_up_read",
			 weft__lx_rcu_name(d), weft__lx_tname(t),
			 weft__lx_site(loc));
		return -1;
	}
	snprintf(buf, n, "a grace period: %s is in a %s read section (%s at %s)",
		 weft__lx_tname(t), weft__lx_rcu_name(d),
		 weft__lx_rcu_flavour(d)->lock, weft__lx_site(loc));
	return t;
}

void weft_rcu_domain_synchronize(struct weft_rcu_domain *d,
				 const struct weft_loc *loc)
{
	const struct weft__lx_rcu_flavour *f = weft__lx_rcu_flavour(d);
	struct weft__lx_thread *me = weft__lx_me();
	struct weft__op op = { .name = f->sync, .obj = d,
			       .obj2 = weft__lx_rcu_late_obj(d),
			       .objname = weft__lx_rcu_name(d),
			       .access = WEFT__ACC_WRITE,
			       .waitdesc = gp_waitdesc, .loc = loc };
	unsigned long stamp;
	const struct weft_loc *at;
	uint32_t ends[WEFT__MAX_THREADS];
	int nends;

	weft__lx_rcu_alive(d, f->sync, loc);
	if (weft__lx_rcu_depth(me, d, &stamp, &at) > 0)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s inside a %s read section (%s at %s) waits for "
			   "itself", f->sync, weft__lx_rcu_name(d), f->lock,
			   weft__lx_site(at));
	weft_might_sleep(f->sync, NULL, loc);
	weft__visible(&op);
	/* The waiter is the caller: it acquires the ended regions now. */
	nends = weft__lx_rcu_gp_begins(d, ends, loc);
	weft__vc_acquire(weft__self(), ends, nends);
	op.arg2 = (long)++d->clock;
	op.ready = gp_elapsed;
	/* The wait: on d alone (a section begun after the start is late,
	 * and ends on the other object). */
	op.obj2 = NULL;
	/* A grace period's wait is a full barrier in the kernel memory
	 * model: a seq_cst fence for the C11 atomics of smp_load_acquire
	 * and smp_store_release (as smp_mb's, katomic.c), in the wait's
	 * step.  One fence at its end stands for the two of the call's
	 * ends: the thread makes no access between them. */
	if (weft__weak_fences_matter())
		op.order = WEFT__ORDER_SC_FENCE;
	me->gp_domain = d;
	me->gp_stamp = (unsigned long)op.arg2;
	weft__visible(&op);
	if (op.order & WEFT__ORDER_SC_FENCE)
		weft__weak_sc_fence_effect();
	me->gp_domain = NULL;
	weft__lx_rcu_late_acquire(d, (unsigned long)op.arg2, "rcu_gp_end", loc);
}

/* ---- the classic domain ------------------------------------------------------ */

void weft_rcu_read_lock(const struct weft_loc *loc)
{
	weft_rcu_domain_read_lock(&weft__lx_rcu_classic, loc);
}

void weft_rcu_read_unlock(const struct weft_loc *loc)
{
	weft_rcu_domain_read_unlock(&weft__lx_rcu_classic, 0, loc);
}

int weft_rcu_read_held(void)
{
	return weft__lx_me()->rcu_depth > 0;
}

void weft_synchronize_rcu(const struct weft_loc *loc)
{
	weft_rcu_domain_synchronize(&weft__lx_rcu_classic, loc);
}

void *weft_rcu_load(void *const *slot, int mode, const struct weft_loc *loc)
{
	return weft_rcu_domain_load(&weft__lx_rcu_classic, slot, mode, loc);
}
