/* src/pthread/sem.c - POSIX semaphores (barriers are barrier.c's).
 *
 * A weft_sem_t lives at the start of the program's sem_t (which sem_init
 * must have initialised, as POSIX requires). */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <semaphore.h>
#include <string.h>

#include "pthread/pt.h"
#include "sync/sync.h"
#include "modelled.h"

_Static_assert(sizeof(weft_sem_t) <= sizeof(sem_t),
	       "weft_sem_t must fit in sem_t");

_Static_assert(sizeof(struct weft__pt_sem) <= sizeof(sem_t),
	       "the model's semaphore and its close site must fit in sem_t");

/* A destroyed semaphore keeps this in its lock-class field (a class is
 * numbered from 1), until sem_init sets it up again; a named one whose
 * last handle was closed keeps WEFT__SEM_CLOSED (sem_named.c). */
#define SEM_DESTROYED (-1)

static weft_sem_t *ws(sem_t *s)
{
	weft_sem_t *w = (weft_sem_t *)s;

	if (!w->name)
		w->name = weft__objname(s, "sem");
	return w;
}

/* ws() for an operation that uses the semaphore: after sem_destroy that
 * is misuse (POSIX leaves it undefined). */
static weft_sem_t *ws_live(sem_t *s, const char *what,
			   const struct weft_loc *loc)
{
	weft_sem_t *w = ws(s);

	if (w->cls == SEM_DESTROYED)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s on %s, which was destroyed", what, w->name);
	if (w->cls == WEFT__SEM_CLOSED)
		weft__fail(WEFT__K(USE_AFTER_FREE), loc,
			   "%s on %s after its last sem_close, at %s, "
			   "unmapped it", what, w->name,
			   weft__sync_site(((struct weft__pt_sem *)s)->closed_at));
	return w;
}

/* ws_live again once an operation that does not block has run: a
 * sem_close another thread ran while this one waited for its step
 * (checked before the step only, a post to a closed semaphore passed). */
static void still_live(sem_t *s, const char *what, const struct weft_loc *loc)
{
	(void)ws_live(s, what, loc);
}

int __weft_sem_init(sem_t *s, int pshared, unsigned value)
{
	if (!weft__pt_live())
		return sem_init(s, pshared, value);
	if (value > SEM_VALUE_MAX) {
		errno = EINVAL;
		return -1;
	}
	memset(s, 0, sizeof *s);
	weft_sem_init((weft_sem_t *)s, (long)value, NULL);
	return 0;
}

/* A scheduling point: destroying a semaphore a thread is blocked on is
 * misuse (POSIX leaves it undefined), and so is any use after it. */
int __weft_sem_destroy(sem_t *s)
{
	const struct weft_loc *loc;
	weft_sem_t *w;
	int t;

	if (!weft__pt_live())
		return sem_destroy(s);
	loc = PT_LOC();
	weft__check_access(s, sizeof *s, true, loc);
	w = ws_live(s, "sem_destroy", loc);
	weft__point("sem_destroy", s, w->name, WEFT__ACC_WRITE, loc);
	weft__check_access(s, sizeof *s, true, loc);
	if (w->cls == SEM_DESTROYED)
		weft__fail(WEFT__K(MISUSE), loc,
			   "sem_destroy on %s, which was destroyed", w->name);
	if ((t = weft__sem_waiter(w)) >= 0)
		weft__fail(WEFT__K(MISUSE), loc,
			   "sem_destroy on %s while %s waits on it at %s",
			   w->name, weft__thread_name(t),
			   weft__sync_site(weft__thread_pending(t)->loc));
	w->cls = SEM_DESTROYED;
	return 0;
}

/* The wait itself, a cancellation point that a signal's handler also
 * ends, with EINTR (on Linux whether or not the handler has SA_RESTART:
 * signal(7)); the semaphore is then not taken. */
static int blocking_wait(sem_t *s, const char *what,
			 const struct weft_loc *loc)
{
	int r;

	weft__pt_cancel_enter();
	weft__pt_sig_wait_enter(WEFT__PT_INTR_WAIT);
	r = weft__sem_wait_at(ws_live(s, what, loc), loc);
	weft__pt_cancel_leave(r == -ECANCELED);
	if (weft__pt_sig_wait_leave() && r == -ECANCELED) {
		errno = EINTR;
		return -1;
	}
	still_live(s, what, loc);
	return 0;
}

/* Blocks while the count is zero; the matching post happens before. */
int __weft_sem_wait(sem_t *s)
{
	if (!weft__pt_live())
		return sem_wait(s);
	weft__pt_cancel_check(PT_LOC());
	return blocking_wait(s, "sem_wait", PT_LOC());
}

/* Never blocks. */
int __weft_sem_trywait(sem_t *s)
{
	if (!weft__pt_live())
		return sem_trywait(s);
	int r = weft_sem_trywait_at(ws_live(s, "sem_trywait", PT_LOC()),
				    PT_LOC());

	still_live(s, "sem_trywait", PT_LOC());
	if (r == 0)
		return 0;
	errno = EAGAIN;
	return -1;
}

/* A try, then an explored choice between timing out and waiting. */
static int timed_wait(sem_t *s, clockid_t c, const struct timespec *abs,
		      const struct weft_loc *loc)
{
	int r;

	weft__pt_cancel_check(loc);
	/* glibc checks the deadline before trying. */
	if (weft__pt_bad_deadline(abs)) {
		errno = EINVAL;
		return -1;
	}
	if (weft_sem_trywait_at(ws_live(s, "sem_timedwait", loc), loc) == 0)
		return 0;
	if (weft__pt_times_out("sem_timedwait times out", c, abs, loc)) {
		errno = ETIMEDOUT;
		return -1;
	}
	weft__pt_wait_begin(c, abs);
	r = blocking_wait(s, "sem_timedwait", loc);
	weft__pt_wait_end();
	return r;
}

int __weft_sem_timedwait(sem_t *s, const struct timespec *ts)
{
	if (!weft__pt_live())
		return sem_timedwait(s, ts);
	return timed_wait(s, CLOCK_REALTIME, ts, PT_LOC());
}

/* The timed wait with the deadline on clock c; a clock glibc does not
 * wait on fails at once with EINVAL, as there. */
int __weft_sem_clockwait(sem_t *s, clockid_t c, const struct timespec *ts)
{
	if (!weft__pt_live())
		return sem_clockwait(s, c, ts);
	if (!weft__pt_wait_clock(c)) {
		errno = EINVAL;
		return -1;
	}
	return timed_wait(s, c, ts, PT_LOC());
}

/* Never blocks; a scheduling point. */
int __weft_sem_post(sem_t *s)
{
	weft_sem_t *w;

	if (!weft__pt_live())
		return sem_post(s);
	w = ws_live(s, "sem_post", PT_LOC());
	weft_sem_post_at(w, PT_LOC());
	still_live(s, "sem_post", PT_LOC());
	/* At SEM_VALUE_MAX the post fails (EOVERFLOW) and the count stays:
	 * taken back before any other thread runs, and no thread waited on
	 * a count that high. */
	if (w->count > SEM_VALUE_MAX) {
		w->count--;
		errno = EOVERFLOW;
		return -1;
	}
	return 0;
}

int __weft_sem_getvalue(sem_t *s, int *v)
{
	weft_sem_t *w;

	if (!weft__pt_live())
		return sem_getvalue(s, v);
	w = ws_live(s, "sem_getvalue", PT_LOC());
	/* POSIX does not list sem_getvalue among the functions that
	 * synchronize memory, and glibc's is a relaxed load: it orders
	 * nothing, and a poll of it until the count moves, then a plain
	 * read of what the poster wrote, is a race (it acquired, and such a
	 * race was verified; a probe of pthread programs). */
	struct weft__op op = { .name = "sem_getvalue", .obj = s,
			       .objname = w->name, .access = WEFT__ACC_READ,
			       .order = WEFT__ORDER_EXPLICIT, .loc = PT_LOC() };
	weft__visible(&op);
	still_live(s, "sem_getvalue", PT_LOC());
	/* The store into the caller's int is weft's, not instrumented: a
	 * reader of it in another thread was verified (a probe). */
	if (v)
		weft__race_access(v, sizeof *v, WEFT__RACE_WRITE, PT_RA());
	*v = (int)w->count;
	/* A read that changes nothing: a loop of them polls, as a failed
	 * sem_trywait does (a correct poll until the count rose ended at
	 * the step limit; a probe of pthread programs). */
	weft__spun();
	return 0;
}
