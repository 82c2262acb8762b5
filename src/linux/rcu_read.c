/* src/linux/rcu_read.c - the readers' side of RCU: read sections of a
 * domain (rcu.c) and the contexts that are readers without rcu_read_lock
 * (rcu_ptr.c has the pointers obtained inside them and kfree's check).
 * Section entry and exit are READ steps on the domain: readers do not
 * affect one another. */
#include "lx.h"

/* Whether a thread entered a read section this execution: until one has,
 * a free has no reader to check. */
bool weft__lx_rcu_any_reader;

/* ---- sections ------------------------------------------------------------- */

/* Whether the caller runs where it is a reader without rcu_read_lock (see
 * weft__lx_rcu_implicit_end below). */

/* The caller's section of d: the classic domain's is kept in the thread's
 * own fields, which the atomic-context checks read. */
struct sec {
	int *depth, *late;
	unsigned long *stamp;
	const struct weft_loc **loc;
};

static bool sec_of(struct weft__lx_thread *me, const struct weft_rcu_domain *d,
		   bool create, struct sec *s, const struct weft_loc *at)
{
	if (d == &weft__lx_rcu_classic) {
		*s = (struct sec){ &me->rcu_depth, &me->rcu_late,
				   &me->rcu_stamp, &me->rcu_loc };
		return true;
	}
	for (int i = 0; i < me->nrsec; i++)
		if (me->rsec[i].d == d) {
			*s = (struct sec){ &me->rsec[i].depth,
					   &me->rsec[i].late,
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
			   &me->rsec[me->nrsec].late,
			   &me->rsec[me->nrsec].stamp,
			   &me->rsec[me->nrsec].loc };
	me->nrsec++;
	return true;
}

/* Thread t's section of d: its depth, and its stamp and site in *stamp
 * and *loc. */
int weft__lx_rcu_depth(const struct weft__lx_thread *t,
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
	/* A section that begins while a grace period is awaited does not
	 * hold that period up: its entry, too, is a step on the late
	 * object, which commutes with the period's end.  (Whether the
	 * section is late is settled after the step, below: a period may
	 * start or end before the step runs.  Every period's start is a
	 * step on both objects, so either entry is ordered with it.) */
	weft__point(f->lock,
		    weft__lx_rcu_gp_pending(d) ? weft__lx_rcu_late_obj(d)
					       : (const void *)d,
		    weft__lx_rcu_name(d), WEFT__ACC_READ, loc);
	if (!d->used)
		weft__lx_rcu_note(d);
	d->used = 1;
	weft__lx_rcu_any_reader = true;
	sec_of(me, d, true, &s, loc);
	if ((*s.depth)++ == 0) {
		*s.stamp = ++d->clock;
		*s.loc = loc;
		/* A grace period already awaited does not wait for this
		 * section: its end must not order the section before that
		 * period's end.  It did (the end was a release of d, which
		 * the callback's step acquires), so a kfree_rcu made before
		 * the pointer was unpublished, whose callback may free the
		 * object under a reader that begins after it, was verified:
		 * the race detector saw the reader's accesses ordered before
		 * the free, and partial-order reduction never ran the
		 * callback inside the section (found by a probe of RCU
		 * lifetime bugs). */
		*s.late = weft__lx_rcu_gp_pending(d);
		if (*s.late && !d->late_min)
			d->late_min = *s.stamp;
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
	/* SRCU counts a section's lock and unlock on the index the lock
	 * returned: an unlock with the other one leaves the section's side
	 * unbalanced (every later synchronize_srcu hangs) and balances the
	 * other side early (a grace period may end under another reader).
	 * weft's sections keep one index from their first lock (nested
	 * locks return it too), so any other index is some other section's:
	 * an index kept where two readers overwrite it, or a !idx, was
	 * verified (found by a probe of kernel driver patterns). */
	if (d->sleepable && !d->epoch && idx != (int)(*s.stamp & 1))
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s(%s, %d), but the %s of this section returned "
			   "%d (at %s): the unlock is counted on the other "
			   "index, whose grace periods then end under a reader "
			   "while this section's never end",
			   f->unlock, weft__lx_rcu_name(d), idx, f->lock,
			   (int)(*s.stamp & 1), weft__lx_site(*s.loc));
	{
		/* Leaving a section only enables grace-period waiters: a
		 * late section, only those begun after it. */
		struct weft__op op = { .name = f->unlock,
				       .obj = *s.late ? weft__lx_rcu_late_obj(d)
						      : (const void *)d,
				       .objname = weft__lx_rcu_name(d),
				       .access = WEFT__ACC_READ,
				       .release = true, .loc = loc };
		weft__visible(&op);
	}
	/* Leaving an explicit section inside a context that is a reader
	 * anyway (rcu_read_unlock under preempt_disable) leaves the thread
	 * in a reader's section still, an implicit one (a correct reader
	 * of that shape was a use-after-free; found by a probe). */
	if (*s.depth == 1 && d == &weft__lx_rcu_classic && !me->rcu_implicit &&
	    weft__lx_rcu_implicit_reader(me)) {
		me->rcu_implicit = 1;
		return;
	}
	if (--*s.depth == 0)
		section_ended(me, d);
}

int weft_rcu_domain_read_held(const struct weft_rcu_domain *d)
{
	unsigned long stamp;
	const struct weft_loc *loc;

	return weft__lx_rcu_depth(weft__lx_me(), d, &stamp, &loc) > 0;
}

/* ---- readers without rcu_read_lock ------------------------------------------ */

/* Since Linux 4.20 a grace period of the classic domain also waits for
 * code that runs with preemption, softirqs or interrupts disabled, and
 * for softirq and interrupt handlers (timer callbacks, tasklets): such
 * code is a reader without rcu_read_lock, and rcu_dereference_sched and
 * rcu_dereference_bh are its loads.  weft opens such a reader's section
 * at its first rcu_dereference there (a grace period begun before then
 * cannot have to wait for a pointer it had not yet read), and closes it
 * when the thread leaves the last such context (weft__lx_rcu_implicit_end).
 * Without it, a correct reader under preempt_disable, and a timer
 * callback using rcu_dereference_bh, were use-after-free (found by a
 * probe of kernel patterns). */
bool weft__lx_rcu_implicit_reader(const struct weft__lx_thread *me)
{
	/* A spinlock disables preemption (and takes rcu_read_lock on
	 * PREEMPT_RT): its holder is a reader too. */
	return me->atomic_what || me->bh_off > 0 || me->irqs_off > 0 ||
	       me->spin_depth > 0;
}

/* A grace period of the classic domain begins (its start step): every
 * other thread in such a context that has no section yet gets its
 * implicit one now, begun before the period, which then waits for the
 * context's end; and the regions that ended before are ordered before
 * the period's end: their threads' clock entries at their ends are put
 * in ends (n entries, the returned count; 0 for another domain), which
 * whoever waits for the period acquires once it has elapsed (their own
 * accesses so: what they saw of others is left out, which reports more
 * races, never fewer).  Opened at the first rcu_dereference only, a
 * region that read a flag with READ_ONCE, found it set before the
 * updater cleared it, and then used the buffer freed after
 * synchronize_rcu was a false use-after-free (the kernel's period waits
 * for the region: a probe of kernel patterns). */
int weft__lx_rcu_gp_begins(struct weft_rcu_domain *d, uint32_t *ends,
			   const struct weft_loc *loc)
{
	int n = weft__nthreads(), self = weft__self();

	if (d != &weft__lx_rcu_classic)
		return 0;
	for (int i = 0; i < n; i++) {
		struct weft__lx_thread *x = &weft__lx_th[i];
		ends[i] = i == self ? 0 : x->region_end;
		if (i == self || weft__thread_done(i) || x->rcu_depth > 0 ||
		    !weft__lx_rcu_implicit_reader(x))
			continue;
		x->rcu_depth = 1;
		x->rcu_implicit = 1;
		x->rcu_stamp = ++d->clock;
		x->rcu_loc = loc;
		x->rcu_late = 0;
		d->used = 1;
		weft__lx_rcu_any_reader = true;
	}
	return n;
}

/* The caller is about to disable preemption, softirqs or interrupts
 * (preempt_disable, local_bh_disable, local_irq_save, local_irq_disable):
 * a step that reads the classic domain for the explorer when the region
 * begins the thread's reader's context, as a spinlock's lock does
 * (klock.c's region_obj), so that a grace period's start is tried before
 * it.  Without it, a write just before preempt_disable, to memory freed
 * after synchronize_rcu, was verified: the period could not begin
 * between the write and the region, which orders the write before the
 * period's start once it ends (tests/detect/kernel/rcu_gp_preempt_*).
 * Nothing inside a reader's context (a nested disable, a callback, a
 * handler, a spinlock held, a read section): a period begun before the
 * context's own start waits for it already, or was tried before it.
 * The step's object is the thread's own, which no other thread's step
 * touches: the domain is only read for the explorer (op.h's obj_read),
 * and orders no clock, as a step on the domain itself would (a region
 * ordered after a grace period's start hid data races with the code
 * before synchronize_rcu).  The region's end needs no step: no period
 * can begin between a region's entry and its end unless a step lies in
 * between, and a period begun there opened the region's section, whose
 * end is then a step on the domain. */
void weft__lx_rcu_region_enter(const char *what, const struct weft_loc *loc)
{
	struct weft__lx_thread *me = weft__lx_me();

	if (weft__lx_rcu_implicit_reader(me) || me->rcu_depth > 0)
		return;
	weft__visible(&(struct weft__op){
		.name = what, .obj = &me->rcu_implicit,
		.objname = weft__lx_rcu_name(&weft__lx_rcu_classic),
		.obj_read = &weft__lx_rcu_classic,
		.access = WEFT__ACC_READ, .loc = loc });
}

void weft__lx_rcu_implicit_end(const struct weft_loc *loc)
{
	struct weft__lx_thread *me = weft__lx_me();

	if (weft__lx_rcu_implicit_reader(me))
		return;
	/* A region that opened no section: the next grace period to begin
	 * is ordered after it (weft__lx_rcu_gp_begins), as the kernel
	 * orders every such region before the end of a period begun after
	 * it.  Its own accesses are: its clock entry is kept, and what it
	 * does next is a new epoch.  (Its plain read of a buffer freed after
	 * synchronize_rcu was a false data race.)  The tick comes first: an
	 * access is ordered before a clock whose entry is greater than its
	 * epoch (race_check.c), so the end is the epoch after the region's
	 * (stored before the tick, a timer callback's write before
	 * synchronize_rcu was a false data race: a review's probe). */
	if (!me->rcu_implicit) {
		int self = weft__self();
		weft__vc_tick(self);
		me->region_end = weft__vc(self)[self];
		return;
	}
	me->rcu_implicit = 0;
	weft_rcu_domain_read_unlock(&weft__lx_rcu_classic, 0, loc);
}
