/* src/linux/rcu_ptr.c - the pointers RCU readers obtain: rcu_dereference
 * and rcu_assign_pointer, and kfree's check that no reader inside its
 * section still holds a pointer into the block (rcu_read.c has the
 * sections). */
#include "lx.h"

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
	if (d == &weft__lx_rcu_classic && depth <= 0 && weft__lx_rcu_implicit_reader(me)) {
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
