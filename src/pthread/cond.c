/* src/pthread/cond.c - condition variables (reader/writer locks are in
 * rwlock.c).
 *
 * A weft_cond_t lives at the start of the program's pthread_cond_t; the
 * all-zero static initialiser is a ready weft object.  Waits explore
 * spurious wakeups (so a wait without a predicate loop is caught, timed or
 * not) and, for timed waits, the timeout.  Destroy is a scheduling point;
 * using a destroyed condition variable, or destroying one a thread waits
 * on, is misuse (src/sync/cond.c keeps the lifetime). */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "pthread/pt.h"
#include "sync/sync.h"
#include "modelled.h"

_Static_assert(sizeof(weft_cond_t) <= sizeof(pthread_cond_t),
	       "weft_cond_t must fit in pthread_cond_t");

/* The clock of the condition's timed waits (pthread_condattr_setclock),
 * kept in the bytes of pthread_cond_t past the model's: zero, which the
 * static initialiser leaves, is CLOCK_REALTIME, the default. */
struct pt_cond {
	weft_cond_t w;
	clockid_t clock;
};
_Static_assert(sizeof(struct pt_cond) <= sizeof(pthread_cond_t),
	       "the condition's clock must fit in pthread_cond_t");
_Static_assert(CLOCK_REALTIME == 0, "a zeroed condition waits on "
				    "CLOCK_REALTIME");

static weft_cond_t *wc(pthread_cond_t *c)
{
	weft_cond_t *w = (weft_cond_t *)c;

	if (!w->name)
		w->name = weft__objname_of(c, sizeof *c, "cond");
	return w;
}

/* wc(c) once c's memory is known not to be freed heap (wc writes it). */
static weft_cond_t *wc_at(pthread_cond_t *c, const struct weft_loc *loc)
{
	weft__check_access(c, sizeof *c, true, loc);
	return wc(c);
}

weft_cond_t *weft__pt_cond(pthread_cond_t *c)
{
	return wc(c);
}

int __weft_pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *a)
{
	if (!weft__pt_live())
		return pthread_cond_init(c, a);
	clockid_t clk = CLOCK_REALTIME;

	weft__check_access(c, sizeof *c, true, PT_LOC());
	/* A monotonic clock asked for was ignored: the deadline, taken as
	 * a CLOCK_REALTIME time, lay long past, and every wait timed out
	 * at once. */
	if (a && pthread_condattr_getclock(a, &clk) != 0)
		clk = CLOCK_REALTIME;
	memset(c, 0, sizeof *c);
	weft_cond_init((weft_cond_t *)c, NULL);
	((struct pt_cond *)c)->clock = clk;
	return 0;
}

int __weft_pthread_cond_destroy(pthread_cond_t *c)
{
	if (!weft__pt_live())
		return pthread_cond_destroy(c);
	weft__cond_destroy(wc_at(c, PT_LOC()), "pthread_cond_destroy",
			   PT_LOC());
	return 0;
}

/* The wait's release and relock of m as a robust mutex sees them, around
 * the wait itself (wait): releasing m inconsistent leaves it
 * unrecoverable, as an unlock does, and the relock reports what a lock
 * would, EOWNERDEAD when the owner it waited behind died holding m (glibc
 * returns that from the wait; weft returned 0, a false alarm on a program
 * that recovers and a verified one that assumes 0) or ENOTRECOVERABLE
 * (m not held then).  0 for any other mutex. */
static int robust_wait(pthread_cond_t *c, pthread_mutex_t *m, int timed,
		       int *res, const char *opname,
		       const struct weft_loc *loc)
{
	if (weft__pt_mutex(m)->owner == weft__self() + 1)
		weft__pt_robust_unlocking(m);
	*res = weft__cond_wait(wc_at(c, loc), weft__pt_mutex(m), timed, opname,
			       loc);
	return weft__pt_robust_acquired(m, opname, loc);
}

/* Blocks: releases m, waits for a signal (or a spurious wakeup), then
 * re-acquires m.  The signaller's past happens before the return. */
int weft__pt_cond_wait_as(pthread_cond_t *c, pthread_mutex_t *m,
			  const char *opname, const struct weft_loc *loc)
{
	int r, err;

	weft__pt_cancel_enter();
	err = robust_wait(c, m, 0, &r, opname, loc);
	weft__pt_cancel_leave(r == -ECANCELED);
	return err;
}

int __weft_pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m)
{
	if (!weft__pt_live())
		return pthread_cond_wait(c, m);
	return weft__pt_cond_wait_as(c, m, "pthread_cond_wait", PT_LOC());
}

/* As pthread_cond_wait; timing out is an explored choice (virtual time),
 * and so is a wakeup without a signal returning 0 (a spurious one).  A
 * wait that timed out waited until ts on clock clk: virtual time moves
 * there, so a loop that waits until a deadline ends. */
int weft__pt_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m,
			    clockid_t clk, const struct timespec *ts,
			    const char *opname, const struct weft_loc *loc)
{
	int r, err;
	bool far;

	/* glibc checks the deadline first: the mutex stays held. */
	if (weft__pt_bad_deadline(ts))
		return EINVAL;
	/* A deadline too far off to come: the wait is an untimed one.  One
	 * already past times out (POSIX: "an error is returned if the
	 * absolute time specified by abstime has already been passed at the
	 * time of the call"), unless a signal comes while the mutex is
	 * released, as glibc looks for one first; it returned 0 as a
	 * spurious wakeup, a false alarm on code waiting with a deadline
	 * that has passed (a probe of outside libraries). */
	far = weft__pt_deadline_far(clk, ts);
	weft__pt_cancel_enter();
	err = robust_wait(c, m,
			  far ? 0
			  : ts && weft__pt_ns_until(clk, ts) <= 0
				  ? WEFT__COND_EXPIRED
				  : 1,
			  &r, opname, loc);
	weft__wait_note(NULL);
	weft__pt_cancel_leave(r == -ECANCELED);
	if (r == -ETIMEDOUT)
		weft__pt_time_jump_to(clk, ts, loc);
	/* glibc: the relock's error, if any, over the timeout. */
	return err ? err : r == -ETIMEDOUT ? ETIMEDOUT : 0;
}

int __weft_pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m,
				  const struct timespec *ts)
{
	if (!weft__pt_live())
		return pthread_cond_timedwait(c, m, ts);
	/* (A condition the C library initialised before main keeps its own
	 * bytes there: anything but the monotonic clock is the default.) */
	clockid_t clk = ((struct pt_cond *)c)->clock == CLOCK_MONOTONIC
				? CLOCK_MONOTONIC
				: CLOCK_REALTIME;
	return weft__pt_cond_timedwait(c, m, clk, ts, "pthread_cond_timedwait",
			      PT_LOC());
}

/* The timed wait with the deadline on clock clk (std::condition_variable's
 * wait_for and wait_until call it too); a clock glibc does not wait on is
 * EINVAL at once, as there. */
int __weft_pthread_cond_clockwait(pthread_cond_t *c, pthread_mutex_t *m,
				  clockid_t clk, const struct timespec *ts)
{
	if (!weft__pt_live())
		return pthread_cond_clockwait(c, m, clk, ts);
	if (!weft__pt_wait_clock(clk))
		return EINVAL;
	return weft__pt_cond_timedwait(c, m, clk, ts, "pthread_cond_clockwait",
			      PT_LOC());
}

/* Never block; scheduling points. */
int __weft_pthread_cond_signal(pthread_cond_t *c)
{
	if (!weft__pt_live())
		return pthread_cond_signal(c);
	weft__cond_wake(wc_at(c, PT_LOC()), false, "pthread_cond_signal",
			PT_LOC());
	return 0;
}

int __weft_pthread_cond_broadcast(pthread_cond_t *c)
{
	if (!weft__pt_live())
		return pthread_cond_broadcast(c);
	weft__cond_wake(wc_at(c, PT_LOC()), true, "pthread_cond_broadcast",
			PT_LOC());
	return 0;
}
