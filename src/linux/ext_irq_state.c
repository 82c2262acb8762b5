/* src/linux/ext_irq_state.c - the calling CPU's interrupt state
 * (local_irq_save and the rest, in_hardirq(), an irq_work's hard-interrupt
 * context) and the check that makes a hard interrupt handler spinning on a
 * lock a thread holds with interrupts enabled a deadlock (ext_irq.c runs
 * the handlers).  Not scheduling points, but for the check's step. */
#include <stdio.h>

#include "lx.h"
#include "detect/race.h"
#include <kernel/linux/weft_ext.h>

/* Interrupts go on in the current thread at the caller's caller, pc:
 * the locks it holds then, and the place, for a deadlock's message
 * (weft__lx_irqs_reenabled_at). */
static void note_irqs_on(struct weft__lx_thread *me, uintptr_t pc)
{
	me->irqs_on_n = weft__lx_held_list(weft__self(), me->irqs_on_lock, 4);
	for (int i = 0; i < me->irqs_on_n; i++)
		me->irqs_on_taken[i] = me->irqs_on_lock[i]->acquired;
	me->irqs_on_pc = pc;
}

void weft_kx_irqs_off(int delta)
{
	struct weft__lx_thread *me = weft__lx_me();

	/* local_irq_enable and spin_unlock_irq enable unconditionally: an
	 * irq-safe lock taken with spin_lock_irqsave outside them is held
	 * with interrupts on after them. */
	if (delta < 0)
		weft__lx_softirq_reopen("local_irq_enable", me->bh_off, 0,
					(uintptr_t)__builtin_return_address(0));
	else if (delta > 0 && !me->irqs_off && !me->bh_off)
		weft__lx_softirq_hold("local_irq_disable", weft__lx_cpu_known(),
				      (uintptr_t)__builtin_return_address(0));
	me = weft__lx_me();
	me->irqs_off = delta > 0;
	/* The caller's place (the header's macros give none). */
	if (me->irqs_off)
		me->irqs_on_n = 0;
	else
		note_irqs_on(me, (uintptr_t)__builtin_return_address(0));
	weft__lx_rcu_implicit_end(NULL);
}

unsigned long weft_kx_irq_save(void)
{
	struct weft__lx_thread *me = weft__lx_me();
	unsigned long was = (unsigned long)me->irqs_off;

	/* Interrupts off keep the pinned timers' softirqs off the CPU too
	 * (ext_softirq.c). */
	if (!me->irqs_off && !me->bh_off) {
		weft__lx_softirq_hold("local_irq_save", weft__lx_cpu_known(),
				      (uintptr_t)__builtin_return_address(0));
		me = weft__lx_me();
	}
	me->irqs_off = 1;
	me->irqs_on_n = 0;
	return was;
}

void weft_kx_irq_restore(unsigned long flags)
{
	struct weft__lx_thread *me = weft__lx_me();

	if (!flags)
		weft__lx_softirq_reopen("local_irq_restore", me->bh_off, 0,
					(uintptr_t)__builtin_return_address(0));
	me->irqs_off = flags != 0;
	/* A restore out of order (an outer lock's before an inner one's)
	 * turns them on with the inner lock held, as an enable does. */
	if (flags)
		me->irqs_on_n = 0;
	else
		note_irqs_on(me, (uintptr_t)__builtin_return_address(0));
	weft__lx_rcu_implicit_end(NULL);
}

int weft_kx_irqs_disabled(void)
{
	return weft__lx_me()->irqs_off > 0;
}

int weft_kx_in_hardirq(void)
{
	return weft__lx_me()->hardirq;
}

unsigned long weft_kx_hardirq_enter(void)
{
	struct weft__lx_thread *me = weft__lx_me();
	unsigned long was = (unsigned long)(me->irqs_off != 0) |
			    (unsigned long)(me->hardirq != 0) << 1;

	me->hardirq = 1;
	me->irqs_off = 1;
	return was;
}

void weft_kx_hardirq_leave(unsigned long was)
{
	struct weft__lx_thread *me = weft__lx_me();

	me->irqs_off = (int)(was & 1);
	me->hardirq = (int)(was >> 1 & 1);
}

int weft__lx_exposed_holder(const char *step, const struct weft_klock *l,
			    const char *lock_name, bool shared,
			    bool (*exposed)(int t, const struct weft_klock *l),
			    const struct weft_loc *loc)
{
	int self = weft__self();

	/* Who holds l is what the read sides (reads of each other) change:
	 * for the explorer the step is a write (por_write), so that it is
	 * tried inside a reader's section too. */
	weft__visible(&(struct weft__op){ .name = step, .obj = l,
					  .objname = lock_name,
					  .access = WEFT__ACC_READ,
					  .por_write = true, .loc = loc });

	if (l->owner && l->owner - 1 != self && exposed(l->owner - 1, l))
		return l->owner - 1;
	if (shared)
		return -1;
	for (int t = 0; t < weft__nthreads(); t++)
		if (t != self && weft__lx_klock_reader(t, l) && exposed(t, l))
			return t;
	return -1;
}

/* Held since before interrupts were enabled again under it: the same
 * lock, taken at the same place (a plain spin_lock of it after the
 * enable is the cause to name instead: a review's finding). */
const struct weft_loc *weft__lx_irqs_reenabled_at(int t,
						 const struct weft_klock *l)
{
	const struct weft__lx_thread *x = &weft__lx_th[t];

	for (int i = 0; i < x->irqs_on_n; i++)
		if (x->irqs_on_lock[i] == l &&
		    x->irqs_on_taken[i] == l->acquired)
			return weft__pc_loc(x->irqs_on_pc);
	return NULL;
}

/* Thread t holds l with interrupts enabled, and the interrupt the
 * calling handler serves could have arrived on its CPU while it did: not
 * when the line was disabled (disable_irq_nosync) before t took l and has
 * been since.  Then the handler, already running, ran on another CPU, and
 * it only waits for t's unlock (a false deadlock of a probe's). */
static bool irqs_on(int t, const struct weft_klock *l)
{
	return !weft__lx_th[t].irqs_off &&
	       !weft__lx_irq_masked_before(weft__held_since(t, l));
}

void weft__lx_irq_check_spin(const struct weft_klock *l, const char *lock_name,
		       bool shared, const struct weft_loc *loc)
{
	int t;

	t = weft__lx_exposed_holder("hardirq_lock", l, lock_name, shared,
				    irqs_on, loc);
	if (t < 0)
		return;
	const struct weft_loc *on = weft__lx_irqs_reenabled_at(t, l);

	if (on)
		weft__fail_detail("  %s took it at %s, then enabled interrupts "
				  "again at %s while holding it "
				  "(spin_unlock_irq and local_irq_enable enable "
				  "them whatever they were before; "
				  "spin_unlock_irqrestore puts back what "
				  "spin_lock_irqsave saved)",
				  weft__lx_tname(t), weft__lx_site(l->acquired),
				  weft__lx_site(on));
	else
		weft__fail_detail("  %s took it at %s without disabling "
				  "interrupts (spin_lock_irqsave or "
				  "spin_lock_irq would)",
				  weft__lx_tname(t), weft__lx_site(l->acquired));
	weft__lx_irq_spin_deadlock(lock_name, t, loc);
}

void weft__lx_irq_spin_deadlock(const char *lock_name, int t,
				const struct weft_loc *loc)
{
	const struct weft__lx_thread *me = weft__lx_me();

	/* A timer's handler in hard-interrupt context is an hrtimer's
	 * (ext_timer.c, WEFT_XTIMER_HARDIRQ). */
	weft__fail(WEFT__K(DEADLOCK), loc,
		   "%s %s spins on %s, held "
		   "by %s with interrupts enabled: on %s's CPU the interrupt "
		   "preempts the holder, which never runs again to release it",
		   me->cause ? "hrtimer callback (hard interrupt)"
			     : "interrupt handler",
		   me->atomic_name ? me->atomic_name : "?",
		   lock_name, weft__lx_tname(t), weft__lx_tname(t));
}
