/* src/linux/ext_softirq.c - bottom halves: softirqs disabled and enabled
 * per thread, and the check of a softirq spinning on a lock that a thread
 * holds with them enabled (the header tree's spin_lock_bh,
 * local_bh_disable; see include/kernel/linux/weft_ext.h).
 *
 * Timer callbacks and tasklets run in softirq context, in ksoftirqd/0: as
 * on another CPU, concurrently with process context; but a tasklet that
 * its scheduler queued with softirqs or interrupts off waits for that
 * section to end, as on the scheduler's own CPU.  So does the handler of
 * a timer pinned to a CPU (add_timer_on, TIMER_PINNED) while a thread
 * known to run on that CPU is in such a section: the CPU's timer softirq
 * runs at the section's end (local_bh_enable, the irq restore), on top of
 * that thread.  (It ran in the middle of a local_bh_disable section that
 * had armed it on its own CPU with add_timer_on(t, smp_processor_id()),
 * a false lost update of a per-CPU counter, a probe's.)  A thread whose
 * CPU is not known (it never asked) is on a CPU of its own, and holds no
 * pinned timer.  On the holder's own
 * CPU the softirq would run on top of the holder, and a softirq that spins
 * on the holder's lock never lets it run again: lockdep's "inconsistent
 * {SOFTIRQ-ON-W} -> {IN-SOFTIRQ-W} usage".  The check is made when the
 * softirq reaches the lock while a thread holds it so, as the hard
 * interrupt check is (ext_irq.c).  Only programs of the kernel header
 * tree count disabled softirqs (<weft/linux.h>'s spin_lock_bh is a plain
 * lock), so only theirs are checked. */
#include <stdio.h>
#include <string.h>

#include "lx.h"
#include "detect/race.h"
#include <kernel/linux/weft_ext.h>

static bool counted;

void weft_kx_bh_counted(void)
{
	counted = true;
}

/* Softirqs or interrupts off: the thread keeps softirqs off its CPU. */
static bool section_open(const struct weft__lx_thread *x)
{
	return x->bh_off > 0 || x->irqs_off > 0;
}

int weft__lx_softirq_holder(void)
{
	const struct weft__lx_thread *me = weft__lx_me();

	/* In every context the section keeps the thread on its CPU.  From
	 * an interrupt handler or a softirq the kernel holds the tasklet
	 * longer, until that context ends: waiting for the section alone
	 * leaves more schedules, never fewer. */
	if (!counted)
		return 0;
	return section_open(me) ? weft__self() + 1 : 0;
}

int weft__lx_cpu_softirqs_holder(int cpu, bool hardirq, int except)
{
	if (!counted || cpu < 0)
		return -1;
	for (int t = 0; t < weft__nthreads(); t++) {
		const struct weft__lx_thread *x = &weft__lx_th[t];

		if (t == except || weft__thread_done(t) ||
		    !(hardirq ? x->irqs_off > 0 : section_open(x)))
			continue;
		if (weft__lx_cpu_of(t) == cpu)
			return t;
	}
	return -1;
}

bool weft__lx_cpu_softirqs_held(int cpu, bool hardirq, int except)
{
	return weft__lx_cpu_softirqs_holder(cpu, hardirq, except) >= 0;
}

/* No pinned timer's handler runs on CPU op->arg2, but the waiting
 * thread's own (op->arg is its record). */
static bool cpu_free(const struct weft__op *op)
{
	int busy = weft__lx_xtimer_cpu_busy[op->arg2];

	return !busy ||
	       busy - 1 == (const struct weft__lx_thread *)op->arg - weft__lx_th;
}

static int cpu_free_waitdesc(const struct weft__op *op, char *buf, size_t n)
{
	int h = weft__lx_xtimer_cpu_busy[op->arg2] - 1;

	snprintf(buf, n, "the timer callback that %s runs on CPU %ld, in "
		 "softirq context on top of this thread, to return",
		 h >= 0 ? weft__lx_tname(h) : "?", op->arg2);
	return h;
}

void weft__lx_softirq_hold(const char *what, int cpu, uintptr_t pc)
{
	if (!counted || cpu < 0)
		return;
	/* A handler running on the CPU runs on top of this thread, which
	 * goes on only when it returns: a section opened meanwhile (as
	 * weft lets the thread run beside it) waits for that, whether it
	 * ran at the call or began at the step.  (The second of two
	 * sections ran in the middle of the handler armed in the first, a
	 * false lost update.)  A handler that waits for this thread would
	 * wait for ever in the kernel too. */
	if (!weft__lx_xtimer_cpu_busy[cpu] &&
	    !weft__lx_xtimer_pinned_pending(cpu))
		return;
	weft__visible(&(struct weft__op){
		.name = what, .obj = &weft__lx_dom, .objname = "softirqs",
		.access = WEFT__ACC_WRITE, .ready = cpu_free,
		.waitdesc = cpu_free_waitdesc, .arg = weft__lx_me(),
		.arg2 = cpu, .loc = weft__pc_loc(pc) });
}

bool weft__lx_softirq_held(int t)
{
	return !weft__thread_done(t) && section_open(&weft__lx_th[t]);
}

/* Whether a tasklet scheduled by the caller waits for its section;
 * release: let them go (the section ended: a later one of the same
 * thread may be on another CPU and holds them no more). */
static bool held_tasklets(bool release)
{
	int me = weft__self() + 1;
	bool any = false;

	for (struct weft_work *w = weft_system_highpri_wq.head; w; w = w->next)
		if (w->bh_holder == me) {
			any = true;
			if (release)
				w->bh_holder = 0;
		}
	return any;
}

/* The step is on the domain object, which the worker's start of a work
 * writes: the explorer then knows that the tasklet's start comes after
 * it.  Only when a tasklet or a timer pinned to the thread's CPU waits:
 * every other spin_unlock_bh takes no step more. */
void weft__lx_softirq_reopen(const char *name, int bh, int irqs,
			     uintptr_t pc)
{
	if (bh > 0 || irqs > 0 || !counted ||
	    !(held_tasklets(false) ||
	      weft__lx_xtimer_pinned_pending(weft__lx_cpu_known())))
		return;
	weft__point(name, &weft__lx_dom, "softirqs", WEFT__ACC_WRITE,
		    weft__pc_loc(pc));
	held_tasklets(true);
}

int weft_kx_bh_disabled(void)
{
	return weft__lx_me()->bh_off > 0;
}

void weft_kx_bh_off(int delta)
{
	struct weft__lx_thread *me = weft__lx_me();

	/* local_bh_enable runs the softirqs raised meanwhile, which must
	 * not run with interrupts off: the kernel warns
	 * (__local_bh_enable_ip), and such code is fixed with a plain
	 * spin_lock under the irqsave one.  Its call site is the caller's
	 * (the header macros give none). */
	if (delta < 0 && counted && (me->irqs_off || me->hardirq))
		weft__fail(WEFT__K(MISUSE),
			   weft__pc_loc((uintptr_t)__builtin_return_address(0)),
			   "softirqs enabled again (spin_unlock_bh, "
			   "local_bh_enable) %s: the softirqs pending would "
			   "run with interrupts off (the kernel warns)",
			   me->hardirq ? "in hard-interrupt context"
				       : "with interrupts disabled");
	if (delta < 0)
		weft__lx_softirq_reopen("local_bh_enable", me->bh_off + delta,
					me->irqs_off,
					(uintptr_t)__builtin_return_address(0));
	else if (delta > 0 && !section_open(me))
		weft__lx_softirq_hold("local_bh_disable", weft__lx_cpu_known(),
				      (uintptr_t)__builtin_return_address(0));
	me = weft__lx_me();
	me->bh_off += delta;
	if (me->bh_off < 0)
		me->bh_off = 0;
	weft__lx_rcu_implicit_end(NULL);
}

/* Thread t runs with softirqs enabled: it could be interrupted by one.
 * A softirq or hard-interrupt context (a timer or RCU callback, a
 * tasklet, a BH work, an irq_work) keeps them off its CPU, as softirqs
 * and interrupts off do; a preempt_disable section (get_cpu, local_lock,
 * get_cpu_var, a bit spinlock's hold) does not: a softirq still runs on
 * top of it at the next interrupt's exit.  (Any atomic section counted
 * as softirqs off: a timer sharing a lock taken with spin_lock under
 * get_cpu was verified, a probe's.) */
static bool bh_enabled(int t, const struct weft_klock *l)
{
	const struct weft__lx_thread *x = &weft__lx_th[t];

	(void)l;
	return !x->bh_off && !x->irqs_off && !x->hardirq &&
	       (!x->atomic_what ||
		!strcmp(x->atomic_what, WEFT_KX_PREEMPT_SECTION));
}

bool weft__lx_softirq_exposed(int t)
{
	return counted && t >= 0 && !weft__thread_done(t) &&
	       bh_enabled(t, NULL);
}

static void softirq_check_spin(const struct weft_klock *l,
			       const char *lock_name, bool shared,
			       const struct weft_loc *loc)
{
	const struct weft_loc *on;
	int t;

	t = weft__lx_exposed_holder("softirq_lock", l, lock_name, shared,
				    bh_enabled, loc);
	if (t < 0)
		return;
	/* Taken with them off and turned on again while held (an
	 * irqrestore out of order): that place, not the lock's, is what to
	 * fix (a probe's message named only the lock's, as if it were
	 * taken with them on). */
	on = weft__lx_irqs_reenabled_at(t, l);
	if (on)
		weft__fail_detail("  %s took it at %s, then enabled interrupts "
				  "and softirqs again at %s while holding it "
				  "(spin_unlock_irqrestore puts back what the "
				  "matching spin_lock_irqsave saved)",
				  weft__lx_tname(t), weft__lx_site(l->acquired),
				  weft__lx_site(on));
	else
		weft__fail_detail("  %s took it at %s with softirqs enabled "
				  "(%s would disable them%s)",
				  weft__lx_tname(t), weft__lx_site(l->acquired),
				  l->seq == 2 ? "local_bh_disable around the "
						"write section"
				  : l->seq ? "write_seqlock_bh"
					   : "spin_lock_bh or spin_lock_irqsave",
				  weft__lx_th[t].atomic_what
					  ? "; preemption disabled does not"
					  : "");
	weft__lx_softirq_spin_deadlock(lock_name, t, loc);
}

void weft__lx_softirq_spin_deadlock(const char *lock_name, int t,
				    const struct weft_loc *loc)
{
	weft__fail(WEFT__K(DEADLOCK), loc,
		   "softirq %s spins on %s, held by %s with softirqs "
		   "enabled: on %s's CPU the softirq runs on top of the "
		   "holder, which never runs again to release it",
		   weft__lx_me()->atomic_name ? weft__lx_me()->atomic_name
					      : "?",
		   lock_name, weft__lx_tname(t), weft__lx_tname(t));
}

void weft__lx_ctx_check_spin(const struct weft_klock *l, const char *lock_name,
			     bool shared, const struct weft_loc *loc)
{
	if (weft__lx_me()->hardirq)
		weft__lx_irq_check_spin(l, lock_name, shared, loc);
	else if (counted && weft_kx_in_softirq())
		softirq_check_spin(l, lock_name, shared, loc);
}
