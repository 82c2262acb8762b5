/* src/pthread/mutex.c - pthread mutexes and spinlocks on weft's mutex.
 *
 * A weft_mutex_t lives inside the program's pthread_mutex_t, at byte 8, so
 * that its kind field falls on glibc's __kind: the static initialisers
 * PTHREAD_MUTEX_INITIALIZER, PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP and
 * PTHREAD_ERRORCHECK_MUTEX_INITIALIZER_NP then produce a ready weft mutex
 * of the right kind (glibc's kinds 1 and 2 are weft's RECURSIVE and
 * ERRORCHECK), and statics start each execution unlocked because the
 * program's data is restored.  Lock and unlock are scheduling points; an
 * unlock happens before the next lock of the same mutex.  Init and destroy
 * are scheduling points too (writes of the mutex), so the explorer can put
 * them where another thread still holds or waits for the mutex: the
 * lifetime checks are in src/sync/mutex.c. */
#include <errno.h>
#include <string.h>

#include "pthread/pt.h"
#include "sync/sync.h"
#include "modelled.h"

_Static_assert(sizeof(weft_mutex_t) + 8 <= sizeof(pthread_mutex_t),
	       "weft_mutex_t must fit in pthread_mutex_t");
_Static_assert(sizeof(weft_mutex_t) <= sizeof(pthread_rwlock_t),
	       "weft_mutex_t must fit in pthread_rwlock_t");

static weft_mutex_t *wm(pthread_mutex_t *m)
{
	weft_mutex_t *w = (weft_mutex_t *)((char *)m + 8);

	/* Adaptive and other glibc kinds behave as normal mutexes. */
	if (w->kind != WEFT_MUTEX_RECURSIVE && w->kind != WEFT_MUTEX_ERRORCHECK)
		w->kind = WEFT_MUTEX_NORMAL;
	if (!w->name)
		w->name = weft__objname_of(m, sizeof *m, "mutex");
	return w;
}

/* Bytes no mutex of weft's or glibc's has (an owner that is no thread, a
 * negative depth): a mutex the program overwrote, or memory that never
 * held one.  Misuse at the call; weft's model followed their pointers and
 * crashed in its own code (a probe of awkward programs).  Owner -1 with
 * depth 0 is a mutex pthread_mutex_destroy left, which
 * weft__mutex_check_usable reports with the place of the destroy. */
static void garbage_check(const weft_mutex_t *w, const char *opname,
			  const struct weft_loc *loc)
{
	if (w->owner < -1 || (w->owner == -1 && w->depth != 0) ||
	    w->owner > WEFT__MAX_THREADS || w->depth < 0 || w->cls < 0)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s on memory that holds no mutex (never "
			   "initialised, or overwritten: owner %d, depth %d)",
			   opname, w->owner, w->depth);
}

/* The weft mutex of m, once m's memory is known not to be freed heap (the
 * lookup writes the object). */
static weft_mutex_t *wm_at(pthread_mutex_t *m, const char *opname,
			   const struct weft_loc *loc)
{
	weft_mutex_t *w;

	weft__check_access(m, sizeof *m, true, loc);
	garbage_check((const weft_mutex_t *)((const char *)m + 8), opname, loc);
	w = wm(m);
	weft__mutex_check_usable(w, opname, loc);
	return w;
}

/* ---- explicitly normal mutexes ----------------------------------------
 * glibc's PTHREAD_MUTEX_NORMAL and PTHREAD_MUTEX_DEFAULT are one value,
 * but POSIX differs on a timed lock of a mutex the caller holds: a normal
 * mutex waits until the deadline (ETIMEDOUT, as glibc), a default one is
 * undefined, which weft keeps reporting as a deadlock.  So an attribute
 * whose type the program set (pthread_mutexattr_settype with the normal
 * value) is remembered by address, and a mutex initialised with it is
 * marked in the word of the pthread_mutex_t before weft's mutex (glibc's
 * lock word, unused by the model). */
#define MAX_NORMAL_ATTRS 32
#define NORMAL_MARK 0x4e4f524d /* "NORM" */

static const pthread_mutexattr_t *normal_attrs[MAX_NORMAL_ATTRS];

static int normal_attr_slot(const pthread_mutexattr_t *a)
{
	for (int i = 0; i < MAX_NORMAL_ATTRS; i++)
		if (normal_attrs[i] == a)
			return i;
	return -1;
}

/* Not a scheduling point: the attribute is the caller's. */
int __weft_pthread_mutexattr_settype(pthread_mutexattr_t *a, int kind)
{
	int r = pthread_mutexattr_settype(a, kind);
	int i = normal_attr_slot(a);

	if (r == 0 && kind == PTHREAD_MUTEX_NORMAL) {
		if (i < 0)
			i = normal_attr_slot(NULL);
		/* More than fit stay default ones: reported, not timed out. */
		if (i >= 0)
			normal_attrs[i] = a;
	} else if (r == 0 && i >= 0) {
		normal_attrs[i] = NULL;
	}
	return r;
}

static int *normal_word(pthread_mutex_t *m)
{
	return (int *)(void *)m;
}

/* (Re-)initialising a mutex that is held is misuse; a destroyed or never
 * initialised one is fine.  The bytes of a mutex that was never
 * initialised mean nothing, so only a mutex a live thread really holds
 * counts as held. */
int __weft_pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *a)
{
	int robust = PTHREAD_MUTEX_STALLED;

	if (!weft__pt_live()) {
		if (a && pthread_mutexattr_getrobust(a, &robust) == 0 &&
		    robust == PTHREAD_MUTEX_ROBUST)
			weft__pt_robust_premain(m);
		return pthread_mutex_init(m, a);
	}
	return weft__pt_mutex_init(m, a, "pthread_mutex_init", PT_LOC());
}

/* pthread_mutex_init, or C11's mtx_init (c11.c) as call, at the
 * program's loc. */
int weft__pt_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *a,
			const char *call, const struct weft_loc *loc)
{
	weft_mutex_t *w;
	int type = PTHREAD_MUTEX_NORMAL, robust = PTHREAD_MUTEX_STALLED;

	if (a) {
		pthread_mutexattr_gettype(a, &type);
		pthread_mutexattr_getrobust(a, &robust);
	}
	w = (weft_mutex_t *)((char *)m + 8);
	weft__check_access(m, sizeof *m, true, loc);
	weft__point(call, w, weft__objname_of(m, sizeof *m, "mutex"),
		    WEFT__ACC_WRITE, loc);
	weft__check_access(m, sizeof *m, true, loc);
	if (weft__mutex_held(w))
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s of %s while %s holds it (taken at %s)", call,
			   weft__objname_of(m, sizeof *m, "mutex"),
			   weft__thread_name(w->owner - 1),
			   weft__sync_site(w->acquired));
	memset(m, 0, sizeof *m);
	weft_mutex_init(w, NULL);
	w->kind = type == PTHREAD_MUTEX_RECURSIVE    ? WEFT_MUTEX_RECURSIVE
		  : type == PTHREAD_MUTEX_ERRORCHECK ? WEFT_MUTEX_ERRORCHECK
						     : WEFT_MUTEX_NORMAL;
	if (a && type == PTHREAD_MUTEX_NORMAL && normal_attr_slot(a) >= 0)
		*normal_word(m) = NORMAL_MARK;
	weft__pt_robust_init(m, robust == PTHREAD_MUTEX_ROBUST, loc);
	return 0;
}

/* Destroying a mutex that is held or waited for, or twice, is misuse
 * (weft_mutex_destroy_at); the mutex may be initialised again. */
int __weft_pthread_mutex_destroy(pthread_mutex_t *m)
{
	const struct weft_loc *loc;
	weft_mutex_t *w;

	if (!weft__pt_live())
		return pthread_mutex_destroy(m);
	loc = PT_LOC();
	weft__check_access(m, sizeof *m, true, loc);
	w = wm(m);
	weft__point("pthread_mutex_destroy", w, w->name, WEFT__ACC_WRITE, loc);
	weft_mutex_destroy_at(w, loc);
	weft__pt_robust_destroy(m);
	return 0;
}

/* A robust mutex left unrecoverable refuses every lock with
 * ENOTRECOVERABLE.  The refusal is a step that reads the mutex, so the
 * explorer orders it against the unlock that made the mutex unrecoverable:
 * refused before any step, it was never tried in the other order, where
 * this lock comes first and gets EOWNERDEAD (a probe's false verification).
 * The state is checked again after the step: only an init, itself a step,
 * can make the mutex usable again. */
static bool unrecoverable(pthread_mutex_t *m, weft_mutex_t *w,
			  const char *opname, const struct weft_loc *loc)
{
	if (!weft__pt_robust_unrecoverable(m))
		return false;
	weft__point(opname, w, w->name, WEFT__ACC_READ, loc);
	if (!weft__pt_robust_unrecoverable(m))
		return false;
	weft__step_note("not recoverable");
	return true;
}

/* Why a blocking lock of m (w) fails at once, or 0: an error-checking
 * mutex the caller holds (EDEADLK; only the caller changes that), a
 * robust one left unrecoverable. */
static int lock_refused(pthread_mutex_t *m, weft_mutex_t *w,
			const char *opname, const struct weft_loc *loc)
{
	if (w->kind == WEFT_MUTEX_ERRORCHECK && w->owner == weft__self() + 1)
		return EDEADLK;
	if (unrecoverable(m, w, opname, loc))
		return ENOTRECOVERABLE;
	return 0;
}

/* Blocks while another thread holds m.  Relocking a normal mutex one holds
 * is reported as a deadlock; an error-checking mutex returns EDEADLK.  A
 * robust mutex whose owner died is taken with EOWNERDEAD (robust.c). */
int __weft_pthread_mutex_lock(pthread_mutex_t *m)
{
	const struct weft_loc *loc;
	weft_mutex_t *w;
	int err;

	if (!weft__pt_live())
		return pthread_mutex_lock(m);
	loc = PT_LOC();
	w = wm_at(m, "pthread_mutex_lock", loc);
	if ((err = lock_refused(m, w, "pthread_mutex_lock", loc)))
		return err;
	weft__mutex_lock(w, "pthread_mutex_lock", loc);
	return weft__pt_robust_acquired(m, "pthread_mutex_lock", loc);
}

/* Never blocks; a failed attempt counts as spinning. */
int __weft_pthread_mutex_trylock(pthread_mutex_t *m)
{
	const struct weft_loc *loc;
	weft_mutex_t *w;

	if (!weft__pt_live())
		return pthread_mutex_trylock(m);
	loc = PT_LOC();
	w = wm_at(m, "pthread_mutex_trylock", loc);
	if (unrecoverable(m, w, "pthread_mutex_trylock", loc))
		return ENOTRECOVERABLE;
	if (weft__mutex_trylock(w, "pthread_mutex_trylock", loc))
		return EBUSY;
	return weft__pt_robust_acquired(m, "pthread_mutex_trylock", loc);
}

/* The deadline is virtual: when the mutex is busy, whether the wait times
 * out or lasts until the mutex is free is an explored choice. */
static int timed_lock(pthread_mutex_t *m, const char *opname, clockid_t c,
		      const struct timespec *abs, const struct weft_loc *loc)
{
	weft_mutex_t *w = wm_at(m, opname, loc);
	int err = lock_refused(m, w, opname, loc);

	if (err)
		return err;
	/* An explicitly normal mutex the caller holds is never free before
	 * the deadline: the call times out there (glibc, POSIX).  A deadline
	 * that never comes is a deadlock, reported by the lock below. */
	if (w->kind == WEFT_MUTEX_NORMAL && w->owner == weft__self() + 1 &&
	    *normal_word(m) == NORMAL_MARK) {
		if (weft__pt_bad_deadline(abs))
			return EINVAL;
		if (!weft__pt_deadline_far(c, abs)) {
			weft__pt_time_jump_to(c, abs, loc);
			return ETIMEDOUT;
		}
	}
	if (weft__mutex_trylock(w, opname, loc) == 0)
		return weft__pt_robust_acquired(m, opname, loc);
	/* glibc checks the deadline only when the lock is busy. */
	if (weft__pt_bad_deadline(abs))
		return EINVAL;
	if (weft__pt_times_out("timedlock times out", c, abs, loc))
		return ETIMEDOUT;
	weft__pt_wait_begin(c, abs);
	weft__mutex_lock(w, opname, loc);
	weft__pt_wait_end();
	return weft__pt_robust_acquired(m, opname, loc);
}

int __weft_pthread_mutex_timedlock(pthread_mutex_t *m,
				   const struct timespec *ts)
{
	if (!weft__pt_live())
		return pthread_mutex_timedlock(m, ts);
	return timed_lock(m, "pthread_mutex_timedlock", CLOCK_REALTIME, ts,
			  PT_LOC());
}

/* The timed lock with the deadline on clock c; a clock glibc does not
 * wait on is EINVAL before anything else, as there. */
int __weft_pthread_mutex_clocklock(pthread_mutex_t *m, clockid_t c,
				   const struct timespec *ts)
{
	if (!weft__pt_live())
		return pthread_mutex_clocklock(m, c, ts);
	if (!weft__pt_wait_clock(c))
		return EINVAL;
	return timed_lock(m, "pthread_mutex_clocklock", c, ts, PT_LOC());
}

/* Never blocks; orders the critical section before the next lock.  An
 * error-checking, recursive or robust mutex returns EPERM when the caller
 * does not hold it, as POSIX requires of all three (glibc too); a normal
 * one reports that as misuse (undefined behaviour). */
int __weft_pthread_mutex_unlock(pthread_mutex_t *m)
{
	const struct weft_loc *loc;
	weft_mutex_t *w;

	if (!weft__pt_live())
		return pthread_mutex_unlock(m);
	loc = PT_LOC();
	w = wm_at(m, "pthread_mutex_unlock", loc);
	/* Whether the caller holds m only the caller changes, so the answer
	 * needs no step. */
	if ((w->kind == WEFT_MUTEX_ERRORCHECK ||
	     w->kind == WEFT_MUTEX_RECURSIVE || weft__pt_robust_known(m)) &&
	    w->owner != weft__self() + 1)
		return EPERM;
	if (w->owner == weft__self() + 1)
		weft__pt_robust_unlocking(m);
	weft__mutex_unlock(w, "pthread_mutex_unlock", loc);
	return 0;
}

/* The weft mutex inside a pthread mutex, for condition variables. */
weft_mutex_t *weft__pt_mutex(pthread_mutex_t *m)
{
	return wm(m);
}

/* ---- spinlocks ------------------------------------------------------------
 * pthread_spinlock_t is a bare int, too small for a weft mutex, so a
 * spinlock is a weft mutex in a per-execution side table keyed by address;
 * the int itself only says "initialised".  A thread spinning on a held
 * lock is simply not scheduled until the holder unlocks. */

#define MAX_SPIN 256

struct spin {
	const void *addr;
	weft_mutex_t m;
};
static struct spin spins[MAX_SPIN];
static int nspins;

static weft_mutex_t *spin_of(pthread_spinlock_t *sp, const struct weft_loc *loc)
{
	const void *s = (const void *)(uintptr_t)sp;

	/* The model keeps the lock aside, so the program's spinlock in freed
	 * memory is checked here, when the call arrives. */
	weft__check_access(s, sizeof *sp, true, loc);
	/* glibc's spinlock is the program's word, which a bad pointer
	 * crashes on: so does the model (pthread_spin_lock(NULL) was
	 * verified, the word never read). */
	(void)*(volatile const pthread_spinlock_t *)sp;
	for (int i = 0; i < nspins; i++)
		if (spins[i].addr == s)
			return &spins[i].m;
	if (nspins == MAX_SPIN)
		weft__limit("unsupported: spinlocks", loc,
			    "more than %d spinlocks in one execution", MAX_SPIN);
	spins[nspins].addr = s;
	weft_mutex_init(&spins[nspins].m, weft__objname(s, "spinlock"));
	return &spins[nspins++].m;
}

int __weft_pthread_spin_init(pthread_spinlock_t *s, int pshared)
{
	if (!weft__pt_live())
		return pthread_spin_init(s, pshared);
	weft_mutex_init(spin_of(s, PT_LOC()),
			weft__objname((const void *)(uintptr_t)s, "spinlock"));
	return 0;
}

int __weft_pthread_spin_destroy(pthread_spinlock_t *s)
{
	if (!weft__pt_live())
		return pthread_spin_destroy(s);
	weft_mutex_destroy_at(spin_of(s, PT_LOC()), PT_LOC());
	return 0;
}

int __weft_pthread_spin_lock(pthread_spinlock_t *s)
{
	if (!weft__pt_live())
		return pthread_spin_lock(s);
	weft__mutex_lock(spin_of(s, PT_LOC()), "pthread_spin_lock", PT_LOC());
	return 0;
}

int __weft_pthread_spin_trylock(pthread_spinlock_t *s)
{
	if (!weft__pt_live())
		return pthread_spin_trylock(s);
	return weft__mutex_trylock(spin_of(s, PT_LOC()), "pthread_spin_trylock",
				   PT_LOC())
		       ? EBUSY
		       : 0;
}

int __weft_pthread_spin_unlock(pthread_spinlock_t *s)
{
	if (!weft__pt_live())
		return pthread_spin_unlock(s);
	weft__mutex_unlock(spin_of(s, PT_LOC()), "pthread_spin_unlock", PT_LOC());
	return 0;
}

void weft__pthread_mutex_begin(void)
{
	nspins = 0;
	weft__pt_robust_begin();
}
