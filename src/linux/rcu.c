/* src/linux/rcu.c - RCU domains: read sections, grace periods and
 * RCU-protected pointers (callbacks are in rcu_cb.c).
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
#include <weft/kmem.h>

struct weft_rcu_domain weft__lx_rcu_classic = WEFT_RCU_DOMAIN_INIT("rcu", 0);

/* Domains that had a reader or queued a callback this execution: a free
 * is a step on each (ordered against their readers), and the end of the
 * test checks their callbacks. */
static struct weft_rcu_domain *doms[16];
static int ndoms;
static bool any_reader;

static const struct weft__lx_rcu_flavour flavours[2] = {
	{ "rcu_read_lock", "rcu_read_unlock", "synchronize_rcu", "call_rcu",
	  "rcu_barrier", "rcu_dereference" },
	{ "srcu_read_lock", "srcu_read_unlock", "synchronize_srcu",
	  "call_srcu", "srcu_barrier", "srcu_dereference" },
};

const struct weft__lx_rcu_flavour *weft__lx_rcu_flavour(
	const struct weft_rcu_domain *d)
{
	return &flavours[d->sleepable ? 1 : 0];
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
	any_reader = false;
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
			   "%s on %s after cleanup_srcu_struct", what,
			   weft__lx_rcu_name(d));
}

/* ---- sections ------------------------------------------------------------- */

/* The caller's section of d: the classic domain's is kept in the thread's
 * own fields, which the atomic-context checks read. */
struct sec {
	int *depth;
	unsigned long *stamp;
	const struct weft_loc **loc;
};

static bool sec_of(struct weft__lx_thread *me, const struct weft_rcu_domain *d,
		   bool create, struct sec *s, const struct weft_loc *at)
{
	if (d == &weft__lx_rcu_classic) {
		*s = (struct sec){ &me->rcu_depth, &me->rcu_stamp, &me->rcu_loc };
		return true;
	}
	for (int i = 0; i < me->nrsec; i++)
		if (me->rsec[i].d == d) {
			*s = (struct sec){ &me->rsec[i].depth,
					   &me->rsec[i].stamp, &me->rsec[i].loc };
			return true;
		}
	if (!create)
		return false;
	if (me->nrsec == LX_MAX_RCU_DOMS)
		weft__limit("rcu-domains", at,
			    "a thread inside read sections of more than %d "
			    "SRCU domains at once", LX_MAX_RCU_DOMS);
	me->rsec[me->nrsec] = (struct weft__lx_rsec){ .d = d };
	*s = (struct sec){ &me->rsec[me->nrsec].depth,
			   &me->rsec[me->nrsec].stamp,
			   &me->rsec[me->nrsec].loc };
	me->nrsec++;
	return true;
}

/* Thread t's section of d: its depth, and its stamp and site in *stamp
 * and *loc. */
static int depth_in(const struct weft__lx_thread *t,
		    const struct weft_rcu_domain *d, unsigned long *stamp,
		    const struct weft_loc **loc)
{
	*stamp = 0;
	*loc = NULL;
	if (d == &weft__lx_rcu_classic) {
		*stamp = t->rcu_stamp;
		*loc = t->rcu_loc;
		return t->rcu_depth;
	}
	for (int i = 0; i < t->nrsec; i++)
		if (t->rsec[i].d == d) {
			*stamp = t->rsec[i].stamp;
			*loc = t->rsec[i].loc;
			return t->rsec[i].depth;
		}
	return 0;
}

/* The pointers a thread obtained in its section of d are forgotten when
 * the section ends, and the section's entry with them. */
static void section_ended(struct weft__lx_thread *me,
			  const struct weft_rcu_domain *d)
{
	int k = 0;

	for (int i = 0; i < me->nrcu_ptr; i++) {
		if (me->rcu_ptr_dom[i] == d)
			continue;
		me->rcu_ptr[k] = me->rcu_ptr[i];
		me->rcu_ptr_loc[k] = me->rcu_ptr_loc[i];
		me->rcu_ptr_dom[k++] = me->rcu_ptr_dom[i];
	}
	me->nrcu_ptr = k;
	for (int i = 0; i < me->nrsec; i++)
		if (me->rsec[i].d == d)
			me->rsec[i] = me->rsec[--me->nrsec];
}

int weft_rcu_domain_read_lock(struct weft_rcu_domain *d,
			      const struct weft_loc *loc)
{
	const struct weft__lx_rcu_flavour *f = weft__lx_rcu_flavour(d);
	struct weft__lx_thread *me = weft__lx_me();
	struct sec s;

	weft__lx_rcu_alive(d, f->lock, loc);
	weft__point(f->lock, d, weft__lx_rcu_name(d), WEFT__ACC_READ, loc);
	if (!d->used)
		weft__lx_rcu_note(d);
	d->used = 1;
	any_reader = true;
	sec_of(me, d, true, &s, loc);
	if ((*s.depth)++ == 0) {
		*s.stamp = ++d->clock;
		*s.loc = loc;
	}
	return (int)(*s.stamp & 1);
}

void weft_rcu_domain_read_unlock(struct weft_rcu_domain *d, int idx,
				 const struct weft_loc *loc)
{
	const struct weft__lx_rcu_flavour *f = weft__lx_rcu_flavour(d);
	struct weft__lx_thread *me = weft__lx_me();
	struct sec s;

	if (!sec_of(me, d, false, &s, loc) || *s.depth <= 0)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s without a matching %s", f->unlock, f->lock);
	if (idx != 0 && idx != 1)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s with index %d, which %s never returns",
			   f->unlock, idx, f->lock);
	{
		/* Leaving a section only enables grace-period waiters. */
		struct weft__op op = { .name = f->unlock, .obj = d,
				       .objname = weft__lx_rcu_name(d),
				       .access = WEFT__ACC_READ,
				       .release = true, .loc = loc };
		weft__visible(&op);
	}
	if (--*s.depth == 0)
		section_ended(me, d);
}

int weft_rcu_domain_read_held(const struct weft_rcu_domain *d)
{
	unsigned long stamp;
	const struct weft_loc *loc;

	return depth_in(weft__lx_me(), d, &stamp, &loc) > 0;
}

/* ---- grace periods ---------------------------------------------------------- */

/* The first thread still inside a read section of d entered at or before
 * stamp s, or -1. */
int weft__lx_rcu_blocking_reader(const struct weft_rcu_domain *d,
				 unsigned long s)
{
	int n = weft__nthreads();

	for (int i = 0; i < n; i++) {
		unsigned long stamp;
		const struct weft_loc *loc;
		if (depth_in(&weft__lx_th[i], d, &stamp, &loc) > 0 &&
		    stamp <= s)
			return i;
	}
	return -1;
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
	depth_in(&weft__lx_th[t], d, &stamp, &loc);
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
			       .objname = weft__lx_rcu_name(d),
			       .access = WEFT__ACC_WRITE,
			       .waitdesc = gp_waitdesc, .loc = loc };
	unsigned long stamp;
	const struct weft_loc *at;

	weft__lx_rcu_alive(d, f->sync, loc);
	if (depth_in(me, d, &stamp, &at) > 0)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s inside a %s read section (%s at %s) waits for "
			   "itself", f->sync, weft__lx_rcu_name(d), f->lock,
			   weft__lx_site(at));
	weft_might_sleep(f->sync, NULL, loc);
	weft__visible(&op);
	op.arg2 = (long)++d->clock;
	op.ready = gp_elapsed;
	weft__visible(&op);
}

/* ---- pointers ------------------------------------------------------------- */

void *weft_rcu_domain_load(struct weft_rcu_domain *d, void *const *slot,
			   int mode, const struct weft_loc *loc)
{
	const struct weft__lx_rcu_flavour *f = weft__lx_rcu_flavour(d);
	struct weft__lx_thread *me = weft__lx_me();
	unsigned long stamp;
	const struct weft_loc *at;
	int depth = depth_in(me, d, &stamp, &at);
	void *v;

	weft__point(f->deref, slot, NULL, WEFT__ACC_READ, loc);
	weft__check_access(slot, sizeof *slot, false, loc);
	v = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
	if (mode == WEFT_RCU_DEREF && depth <= 0 && me->nheld == 0 &&
	    !me->atomic_what)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s outside a %s read section and without any "
			   "lock held", f->deref, weft__lx_rcu_name(d));
	if (mode == WEFT_RCU_DEREF && depth > 0 && v) {
		if (me->nrcu_ptr == LX_MAX_RCU_PTRS) {
			/* Keep the most recent: older ones were most likely
			 * only traversed. */
			for (int i = 1; i < LX_MAX_RCU_PTRS; i++) {
				me->rcu_ptr[i - 1] = me->rcu_ptr[i];
				me->rcu_ptr_loc[i - 1] = me->rcu_ptr_loc[i];
				me->rcu_ptr_dom[i - 1] = me->rcu_ptr_dom[i];
			}
			me->nrcu_ptr--;
		}
		me->rcu_ptr[me->nrcu_ptr] = v;
		me->rcu_ptr_loc[me->nrcu_ptr] = loc;
		me->rcu_ptr_dom[me->nrcu_ptr++] = d;
	}
	return v;
}

void weft_rcu_store(void **slot, void *v, const struct weft_loc *loc)
{
	weft__point("rcu_assign_pointer", slot, NULL,
		    WEFT__ACC_WRITE, loc);
	weft__check_access(slot, sizeof *slot, true, loc);
	__atomic_store_n(slot, v, __ATOMIC_RELEASE);
}

/* Called by kfree before it frees [p, p+n): a reader that obtained a
 * pointer into the block and is still inside its read section may use
 * it.  The step on each domain orders the free against readers' section
 * ends, so exploration tries the free inside the section too. */
void weft__lx_rcu_check_free(const void *p, size_t n,
			     const struct weft_loc *loc)
{
	int self = weft__self(), nt;

	if (!any_reader)
		return;
	for (int i = 0; i < ndoms; i++)
		if (doms[i]->used)
			weft__point("kfree", doms[i], weft__lx_rcu_name(doms[i]),
				    WEFT__ACC_WRITE, loc);
	nt = weft__nthreads();
	for (int t = 0; t < nt; t++) {
		const struct weft__lx_thread *r = &weft__lx_th[t];
		if (t == self)
			continue;
		for (int i = 0; i < r->nrcu_ptr; i++) {
			const char *q = r->rcu_ptr[i];
			const struct weft_rcu_domain *d = r->rcu_ptr_dom[i];
			unsigned long stamp;
			const struct weft_loc *at;
			if (q < (const char *)p || q >= (const char *)p + n ||
			    depth_in(r, d, &stamp, &at) <= 0)
				continue;
			weft__fail_detail("%s obtained the pointer by %s at %s",
					  weft__lx_tname(t),
					  weft__lx_rcu_flavour(d)->deref,
					  weft__lx_site(r->rcu_ptr_loc[i]));
			weft__fail_detail("and is still inside its %s read "
					  "section (%s at %s)",
					  weft__lx_rcu_name(d),
					  weft__lx_rcu_flavour(d)->lock,
					  weft__lx_site(at));
			weft__fail(WEFT__K(USE_AFTER_FREE), loc,
				   "kfree of memory an RCU reader may still "
				   "use: %s is inside its %s read section; "
				   "free it after %s or with %s",
				   weft__lx_tname(t), weft__lx_rcu_name(d),
				   weft__lx_rcu_flavour(d)->sync,
				   d == &weft__lx_rcu_classic
					   ? "kfree_rcu/call_rcu"
					   : weft__lx_rcu_flavour(d)->call);
		}
	}
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
