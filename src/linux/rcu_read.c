/* src/linux/rcu_read.c - the readers' side of RCU: read sections of a
 * domain (rcu.c), the pointers obtained inside them, and kfree's check
 * that no reader inside its section still holds a pointer into the block.
 * Section entry and exit are READ steps on the domain: readers do not
 * affect one another. */
#include "lx.h"

/* Whether a thread entered a read section this execution: until one has,
 * a free has no reader to check. */
bool weft__lx_rcu_any_reader;

/* ---- sections ------------------------------------------------------------- */

/* Whether the caller runs where it is a reader without rcu_read_lock (see
 * weft__lx_rcu_implicit_end below). */
static bool implicit_reader(const struct weft__lx_thread *me);

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
	    implicit_reader(me)) {
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

/* ---- pointers ------------------------------------------------------------- */

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
static bool implicit_reader(const struct weft__lx_thread *me)
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
 * the start (their threads' clock entries at their ends are acquired,
 * their own accesses so: what they saw of others is left out, which
 * reports more races, never fewer).  Opened at the first rcu_dereference
 * only, a region that read a flag with READ_ONCE, found it set before
 * the updater cleared it, and then used the buffer freed after
 * synchronize_rcu was a false use-after-free (the kernel's period waits
 * for the region: a probe of kernel patterns). */
void weft__lx_rcu_gp_begins(struct weft_rcu_domain *d,
			    const struct weft_loc *loc)
{
	int n = weft__nthreads(), self = weft__self();
	uint32_t ends[WEFT__MAX_THREADS];

	if (d != &weft__lx_rcu_classic)
		return;
	for (int i = 0; i < n; i++) {
		struct weft__lx_thread *x = &weft__lx_th[i];
		ends[i] = i == self ? 0 : x->region_end;
		if (i == self || weft__thread_done(i) || x->rcu_depth > 0 ||
		    !implicit_reader(x))
			continue;
		x->rcu_depth = 1;
		x->rcu_implicit = 1;
		x->rcu_stamp = ++d->clock;
		x->rcu_loc = loc;
		x->rcu_late = 0;
		d->used = 1;
		weft__lx_rcu_any_reader = true;
	}
	weft__vc_acquire(self, ends, n);
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

	if (implicit_reader(me) || me->rcu_depth > 0)
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

	if (implicit_reader(me))
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

/* Said in the verdict of a test that loads an RCU pointer: the load
 * acquires, where the kernel orders only the loads that depend on the
 * pointer (Documentation/RCU/rcu_dereference.rst); a reader of other
 * data published before rcu_assign_pointer was verified with no word of
 * it (a probe). */
static void deref_note(void)
{
	static long gen = -1;

	if (gen == weft__exec_gen())
		return;
	gen = weft__exec_gen();
	weft__verdict_note(0x5243554445524546ull,
			   "rcu_dereference acquires: it orders every later "
			   "load of its thread, the kernel only those through "
			   "the pointer it returns (a load of other data "
			   "published before rcu_assign_pointer, with no "
			   "barrier, is no data race here)");
}

void *weft_rcu_domain_load(struct weft_rcu_domain *d, void *const *slot,
			   int mode, const struct weft_loc *loc)
{
	const struct weft__lx_rcu_flavour *f = weft__lx_rcu_flavour(d);
	struct weft__lx_thread *me = weft__lx_me();
	unsigned long stamp;
	const struct weft_loc *at;
	int depth = weft__lx_rcu_depth(me, d, &stamp, &at);
	void *v;

	/* Any load opens it, not rcu_dereference alone: a grace period
	 * waits for the context whatever it loads with (a tracepoint-style
	 * reader's rcu_dereference_raw under preempt_disable was a
	 * use-after-free after synchronize_rcu; found by a probe). */
	if (d == &weft__lx_rcu_classic && depth <= 0 && implicit_reader(me)) {
		weft_rcu_domain_read_lock(d, loc);
		/* A grace period that began at the lock's step opened the
		 * implicit section already (weft__lx_rcu_gp_begins): one
		 * level, or the context's end left the thread in a section
		 * for good, a false deadlock of the period's waiter. */
		if (me->rcu_implicit)
			me->rcu_depth--;
		me->rcu_implicit = 1;
		depth = 1;
	}
	deref_note();
	weft__point(f->deref, slot, NULL, WEFT__ACC_READ, loc);
	weft__check_access(slot, sizeof *slot, false, loc);
	weft__race_model_access(slot, sizeof *slot, false, loc);
	v = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
	/* lockdep-RCU asks for the read section, or the condition of
	 * rcu_dereference_check (WEFT_RCU_PROTECTED when it holds): any
	 * lock held silenced it, the wrong one too (a probe's). */
	if (mode == WEFT_RCU_DEREF && depth <= 0 && !me->atomic_what)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s outside a %s read section%s: lockdep-RCU's "
			   "suspicious usage", f->deref,
			   weft__lx_rcu_name(d),
			   weft__lx_nheld(weft__self())
				   ? ", under a lock no condition names "
				     "(rcu_dereference_protected, or _check "
				     "with lockdep_is_held, names the "
				     "updater's)"
				   : " and without any lock held");
	if ((mode == WEFT_RCU_DEREF || mode == WEFT_RCU_ENTRY) && depth > 0 &&
	    v) {
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
	weft__race_model_access(slot, sizeof *slot, true, loc);
	__atomic_store_n(slot, v, __ATOMIC_RELEASE);
}

/* Called by kfree before it frees [p, p+n): a reader that obtained a
 * pointer into the block and is still inside its read section may use
 * it.  The step on each domain orders the free against readers' section
 * ends, so exploration tries the free inside the section too. */
void weft__lx_rcu_check_free(const void *p, size_t n,
			     const struct weft_loc *loc)
{
	struct weft_rcu_domain **doms;
	int self = weft__self(), nt, ndoms;

	if (!weft__lx_rcu_any_reader)
		return;
	ndoms = weft__lx_rcu_ndomains(&doms);
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
			    weft__lx_rcu_depth(r, d, &stamp, &at) <= 0)
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

/* A thread that ended inside a read section: lockdep's "lock held when
 * returning" (the section is never left, so no grace period that began
 * meanwhile could end).  A work function's is reported as it returns
 * (workqueue.c); a kthread's and the test body's were not (a helper's
 * probe). */
void weft__lx_rcu_read_end_check(void)
{
	for (int t = 0; t < weft__nthreads(); t++) {
		const struct weft__lx_thread *th = &weft__lx_th[t];

		if (!weft__thread_done(t))
			continue;
		if (th->rcu_depth > 0)
			weft__fail(WEFT__K(MISUSE), th->rcu_loc,
				   "%s ended inside an RCU read section "
				   "(rcu_read_lock here): lockdep's \"lock "
				   "held when returning\"",
				   weft__thread_name(t));
		for (int i = 0; i < th->nrsec; i++)
			if (th->rsec[i].depth > 0)
				weft__fail(WEFT__K(MISUSE), th->rsec[i].loc,
					   "%s ended inside a read section of "
					   "%s (entered here): lockdep's "
					   "\"lock held when returning\"",
					   weft__thread_name(t),
					   weft__lx_rcu_name(th->rsec[i].d));
	}
}
