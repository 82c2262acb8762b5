/* src/linux/ext_bitlock.c - who holds each bit spinlock
 * (<linux/bit_spinlock.h>, include/kernel/linux/weft/bitops.h), for the
 * hard-interrupt check that spinlocks have (ext_irq.c): a hard interrupt
 * handler that spins on a bit lock a thread holds with interrupts
 * enabled may have arrived on that thread's CPU, whose holder then never
 * runs again to release it.  Without it, a bit lock shared by a handler
 * and process context holding it with interrupts on was verified (a
 * probe), where the same program with a spinlock was found.  A softirq
 * spinning on one a thread holds with softirqs enabled is checked too.
 *
 * The bit locks are the program's own bits, with no object of weft's: a
 * small table keyed by word and bit, whose entries belong to the
 * execution that made them (weft__exec_no), so none needs a reset.  The
 * holder is forgotten after the step that clears the bit (a thread
 * waiting at that step still holds it). */
#include <stdio.h>

#include "lx.h"
#include <kernel/linux/weft_ext.h>

#define MAX_BIT_LOCKS 32

struct bitlock {
	const volatile void *word;
	int bit;
	int holder;                /* thread id + 1, 0: free */
	long exec;                 /* the execution that set it */
	long step;                 /* the step count after it was taken */
	const struct weft_loc *at; /* where the holder took it */
};

static struct bitlock held[MAX_BIT_LOCKS];

static struct bitlock *find(int bit, const volatile void *a,
			    bool create)
{
	struct bitlock *free_slot = NULL;
	long now = weft__exec_no();

	for (int i = 0; i < MAX_BIT_LOCKS; i++) {
		struct bitlock *b = &held[i];
		bool live = b->exec == now && b->holder;

		if (live && b->word == a && b->bit == bit)
			return b;
		if (!live && !free_slot)
			free_slot = b;
	}
	if (!create || !free_slot)
		return NULL;
	*free_slot = (struct bitlock){ .word = a, .bit = bit, .exec = now };
	return free_slot;
}

void weft_kx_bit_held(int bit, const volatile void *a, int on,
		      const struct weft_loc *loc)
{
	struct bitlock *b = find(bit, a, on);

	/* More held at once than the table keeps: the check would miss a
	 * holder, so the execution is weft's limit, not a verification. */
	if (!b && on)
		weft__limit("bit-locks", loc,
			    "more than %d bit spinlocks held at once: weft "
			    "keeps their holders for the hard-interrupt "
			    "check in a table of that size", MAX_BIT_LOCKS);
	if (!b)
		return;
	b->holder = on ? weft__self() + 1 : 0;
	b->at = loc;
	b->step = weft__step_no();
}

/* The bit lock's name in a report: bit 0 of the static word "bucket" is
 * "bit lock 0 of bucket". */
static const char *bit_name(int bit, const volatile void *a)
{
	return weft__internf("bit lock %d of %s", bit,
			     weft__objname((const void *)a, "word"));
}

/* A softirq (a timer callback, a tasklet) spinning on a bit lock that a
 * thread holds with softirqs enabled, as a spinlock's is
 * (ext_softirq.c): lockdep does not see bit locks, but the softirq on the
 * holder's CPU spins for ever all the same.  (It was not checked: a timer
 * sharing a hash bucket's bit lock with process context that took it
 * with softirqs on was verified, a probe's.) */
static void softirq_spin(const struct bitlock *b, const struct weft_loc *loc)
{
	int t = b->holder - 1;

	if (t == weft__self() || !weft__lx_softirq_exposed(t))
		return;
	weft__fail_detail("  %s took it at %s with softirqs enabled "
			  "(local_bh_disable around bit_spin_lock would "
			  "disable them; preempt_disable, which "
			  "bit_spin_lock does, does not)",
			  weft__lx_tname(t), weft__lx_site(b->at));
	weft__lx_softirq_spin_deadlock(bit_name(b->bit, b->word), t, loc);
}

void weft_kx_bit_spin(int bit, const volatile void *a,
		      const struct weft_loc *loc)
{
	struct weft__lx_thread *me = weft__lx_me();
	struct bitlock *b;
	int t;

	b = find(bit, a, false);
	if (!b)
		return;
	if (!me->hardirq) {
		if (weft_kx_in_softirq())
			softirq_spin(b, loc);
		return;
	}
	t = b->holder - 1;
	/* (A line disabled before the holder took the bit: see irqs_on in
	 * ext_irq_state.c.) */
	if (t == weft__self() || weft__lx_th[t].irqs_off ||
	    weft__lx_irq_masked_before(b->step))
		return;
	weft__fail_detail("  %s took it at %s without disabling interrupts "
			  "(local_irq_save around bit_spin_lock would)",
			  weft__lx_tname(t), weft__lx_site(b->at));
	weft__lx_irq_spin_deadlock(bit_name(bit, a), t, loc);
}
