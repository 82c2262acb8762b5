/* src/freebsd/giant.c - Giant let go while the caller blocks.
 *
 * FreeBSD's sleeps drop Giant and take it back afterwards: _sleep does
 * DROP_GIANT and PICKUP_GIANT, and the slow paths of the sx lock save it
 * with GIANT_SAVE before they sleep and restore it once they hold the
 * lock.  So a Giant holder may wait for a thread that needs Giant, and
 * that is no deadlock.  msleep, pause and callout_drain drop it here
 * already (sleep.c, callout.c); this file does the same for the other
 * waits that sleep: sx_xlock and sx_slock on a busy lock, and
 * taskqueue_drain and taskqueue_drain_all (ext_taskqueue.c).  A free sx
 * lock is taken with Giant held throughout, as in the kernel, where no
 * sleep happens then; the drains let it go whether or not they wait, as
 * callout_drain does here (see ext_taskqueue.c for why). */
#include "freebsd/bsd.h"
#include <weft/klock.h>

int weft_bsd_giant_drop_at(const struct weft_loc *loc)
{
	return weft__bsd_drop_giant(loc);
}

void weft_bsd_giant_pickup_at(int depth, const struct weft_loc *loc)
{
	weft__bsd_pickup_giant(depth, loc);
}

/* The sleeping take of l (shared: for reading). */
static void take(struct weft_klock *l, int shared, const struct weft_loc *loc)
{
	if (shared)
		weft_klock_read(l, loc);
	else
		weft_klock_lock(l, loc);
}

/* The slow path's take, Giant let go while it waits and taken back. */
static void take_without_giant(struct weft_klock *l, int shared,
			       const struct weft_loc *loc)
{
	int giant = weft__bsd_drop_giant(loc);

	take(l, shared, loc);
	weft__bsd_pickup_giant(giant, loc);
}

void weft_bsd_sx_lock_at(struct weft_klock *l, int shared,
			 const struct weft_loc *loc)
{
	if (!weft_bsd_mtx_owned(&weft_bsd_giant)) {
		take(l, shared, loc);
		return;
	}
	/* With Giant held, the kernel's fast path (one compare-and-swap)
	 * takes a free lock with Giant kept; only the slow path, which
	 * sleeps, lets Giant go.  A trylock is that fast path, decided in
	 * one step: read outside a step, the lock was seen free, taken by
	 * another thread before the caller's step, and waited for with
	 * Giant held, the false deadlock again.  Its lock-order edge is
	 * lost, Giant's included, which WITNESS does not check either
	 * (witness_checkorder skips Giant against sleepable locks). */
	if (shared ? weft_klock_tryread(l, loc) : weft_klock_trylock(l, loc))
		return;
	take_without_giant(l, shared, loc);
}

/* sx_xlock_sig and sx_slock_sig: the same take, which a signal may
 * interrupt while the caller waits (EINTR or ERESTART, from
 * sleepq_wait_sig in the kernel's slow path).  A free lock is taken
 * without a look at signals, as by the fast path; the trylock that finds
 * the lock busy is where the interruption is chosen (weft__bsd_signal_
 * choice).  They were the plain take followed by 0, and code that
 * ignored the error was verified (a FreeBSD probe).  The fast path's
 * trylock draws no lock-order edge. */
int weft_bsd_sx_lock_sig_at(struct weft_klock *l, int shared,
			    const struct weft_loc *loc)
{
	struct bsd_thread *t = weft__bsd_self();
	int intr;

	if (shared ? weft_klock_tryread(l, loc) : weft_klock_trylock(l, loc))
		return 0;
	intr = weft__bsd_signal_choice(t, WEFT_BSD_PCATCH);
	if (intr) {
		t->signalled = true;
		weft__step_note("interrupted by a signal");
		return intr;
	}
	take_without_giant(l, shared, loc);
	return 0;
}
