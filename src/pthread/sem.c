/* src/pthread/sem.c - POSIX semaphores and barriers.
 *
 * A weft_sem_t lives at the start of the program's sem_t (which sem_init
 * must have initialised, as POSIX requires).  A barrier is weft's own:
 * the count of threads still to arrive and a generation number, kept in
 * the program's pthread_barrier_t, so a waiter is enabled once the
 * generation it arrived in has completed. */
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

/* Blocks while the count is zero; the matching post happens before. */
int __weft_sem_wait(sem_t *s)
{
	if (!weft__pt_live())
		return sem_wait(s);
	weft__pt_cancel_check(PT_LOC());
	weft__pt_cancel_enter();
	weft__pt_cancel_leave(weft__sem_wait_at(ws_live(s, "sem_wait",
							PT_LOC()),
						PT_LOC()) == -ECANCELED);
	still_live(s, "sem_wait", PT_LOC());
	return 0;
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
	weft__timed_wait(true);
	weft__pt_cancel_enter();
	weft__pt_cancel_leave(weft__sem_wait_at(ws_live(s, "sem_timedwait",
							loc),
						loc) == -ECANCELED);
	weft__timed_wait(false);
	return 0;
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
	*v = (int)w->count;
	/* A read that changes nothing: a loop of them polls, as a failed
	 * sem_trywait does (a correct poll until the count rose ended at
	 * the step limit; a probe of pthread programs). */
	weft__spun();
	return 0;
}

/* ---- barriers ------------------------------------------------------------ */

struct barrier {
	unsigned count;      /* threads per round */
	unsigned left;       /* still to arrive this round */
	unsigned gen;        /* rounds completed */
	unsigned destroyed;  /* pthread_barrier_destroy ran (count is 0) */
};
_Static_assert(sizeof(struct barrier) <= sizeof(pthread_barrier_t),
	       "barrier state must fit in pthread_barrier_t");

static bool barrier_ready(const struct weft__op *op)
{
	return ((const struct barrier *)op->obj)->gen != (unsigned)op->arg2;
}

/* The clock of a barrier's completed round, which its waiters acquire as
 * they leave.  Not the barrier's clock by then: a thread that left first
 * may have arrived for the next round, and a leave that joined its
 * arrival ordered the next round's work before this round's (a probe:
 * a write and a read between two waits were verified with at most 0
 * preemptions).  Kept for the execution, newest first. */
struct round {
	const void *b;
	unsigned gen;
	int n;
	struct round *next;
	uint32_t vc[];
};
static struct round *rounds;
static long rounds_gen = -1;

static struct round **rounds_now(void)
{
	if (rounds_gen != weft__exec_gen()) {
		rounds_gen = weft__exec_gen();
		rounds = NULL;
	}
	return &rounds;
}

/* The last arrival of round gen: every arrival of it is in its clock. */
static void round_done(const void *b, unsigned gen)
{
	int n = weft__nthreads();
	struct round *r = weft__exec_alloc(sizeof *r + sizeof r->vc[0] * (size_t)n);
	struct round **head = rounds_now();

	r->b = b;
	r->gen = gen;
	r->n = n;
	memcpy(r->vc, weft__vc(weft__self()), sizeof r->vc[0] * (size_t)n);
	r->next = *head;
	*head = r;
}

static void round_acquire(const void *b, unsigned gen)
{
	for (struct round *r = *rounds_now(); r; r = r->next)
		if (r->b == b && r->gen == gen) {
			weft__vc_acquire(weft__self(), r->vc, r->n);
			return;
		}
	weft__die("barrier round %u left before it completed", gen);
}

static int barrier_desc(const struct weft__op *op, char *buf, size_t n)
{
	const struct barrier *b = op->obj;

	snprintf(buf, n, "barrier %s (%u of %u threads still to arrive)",
		 op->objname, b->left, b->count);
	return -1;
}

/* The barriers initialised in this execution: the bytes of one that was
 * not (a stack slot an earlier execution used, a heap block's garbage)
 * mean nothing, so only these can be in use. */
#define INITED_MAX 64
static const pthread_barrier_t **inited;
static int ninited;

void weft__pthread_barrier_begin(void)
{
	inited = NULL;
	ninited = 0;
}

static bool inited_here(const pthread_barrier_t *pb)
{
	for (int i = 0; i < ninited; i++)
		if (inited[i] == pb)
			return true;
	if (!inited)
		inited = weft__exec_alloc(sizeof *inited * INITED_MAX);
	if (ninited < INITED_MAX)
		inited[ninited++] = pb;
	return false;
}

/* A scheduling point, so the orders of a second initialisation and the
 * threads that wait on the barrier are explored.  Initialising a barrier
 * that threads wait on for a round not yet complete is misuse (they wait
 * for good, or leave in a round of the new count: a probe with GenMC's
 * tests); initialising an idle one again is undefined in POSIX and
 * harmless in glibc, and left alone, as for a mutex that no thread
 * holds. */
int __weft_pthread_barrier_init(pthread_barrier_t *pb,
				const pthread_barrierattr_t *a, unsigned count)
{
	struct barrier *b = (struct barrier *)pb;
	const struct weft_loc *loc;
	const char *name;

	if (!weft__pt_live())
		return pthread_barrier_init(pb, a, count);
	if (count == 0)
		return EINVAL;
	loc = PT_LOC();
	name = weft__objname(pb, "barrier");
	weft__check_access(pb, sizeof *pb, true, loc);
	weft__point("pthread_barrier_init", pb, name, WEFT__ACC_WRITE, loc);
	weft__check_access(pb, sizeof *pb, true, loc);
	if (inited_here(pb) && b->count && b->left != b->count)
		weft__fail(WEFT__K(MISUSE), loc,
			   "pthread_barrier_init on %s while %u of its %u "
			   "threads wait on it for the others", name,
			   b->count - b->left, b->count);
	memset(pb, 0, sizeof *pb);
	b->count = b->left = count;
	return 0;
}

/* A scheduling point.  Threads that arrived in a round not yet complete
 * would wait for good (glibc's destroy waits for them, and the program
 * hangs): misuse, as is destroying a barrier twice.  Threads of a
 * completed round that have not left yet are waited for, as glibc does:
 * their leaving no longer reads the barrier. */
int __weft_pthread_barrier_destroy(pthread_barrier_t *pb)
{
	struct barrier *b = (struct barrier *)pb;
	const struct weft_loc *loc;
	const char *name;

	if (!weft__pt_live())
		return pthread_barrier_destroy(pb);
	loc = PT_LOC();
	name = weft__objname(pb, "barrier");
	weft__check_access(pb, sizeof *pb, true, loc);
	weft__point("pthread_barrier_destroy", pb, name, WEFT__ACC_WRITE, loc);
	weft__check_access(pb, sizeof *pb, true, loc);
	if (b->destroyed && !b->count)
		weft__fail(WEFT__K(MISUSE), loc,
			   "pthread_barrier_destroy on %s, which was "
			   "destroyed already", name);
	if (!b->count)
		weft__fail(WEFT__K(MISUSE), loc,
			   "pthread_barrier_destroy on %s, which was not "
			   "initialised", name);
	if (b->left != b->count)
		weft__fail(WEFT__K(MISUSE), loc,
			   "pthread_barrier_destroy on %s while %u of its %u "
			   "threads wait on it for the others", name,
			   b->count - b->left, b->count);
	b->count = b->left = 0;
	b->destroyed = 1;
	return 0;
}

/* Blocks until count threads have arrived; everything each did before
 * arriving happens before any of them leaves.  One thread gets
 * PTHREAD_BARRIER_SERIAL_THREAD. */
int __weft_pthread_barrier_wait(pthread_barrier_t *pb)
{
	struct barrier *b = (struct barrier *)pb;
	const struct weft_loc *loc;
	const char *name;
	struct weft__op op;
	unsigned gen;

	if (!weft__pt_live())
		return pthread_barrier_wait(pb);
	loc = PT_LOC();
	name = weft__objname(pb, "barrier");
	/* A barrier in freed memory is a use-after-free, checked before its
	 * fields are read and again where the arrival takes effect. */
	weft__check_access(pb, sizeof *pb, true, loc);
	if (b->count == 0)
		weft__fail(WEFT__K(MISUSE), loc,
			   "pthread_barrier_wait on %s, which %s", name,
			   b->destroyed ? "was destroyed"
					: "was not initialised");
	weft__point("pthread_barrier_wait", pb, name, WEFT__ACC_WRITE, loc);
	weft__check_access(pb, sizeof *pb, true, loc);
	if (b->count == 0) /* destroyed meanwhile */
		weft__fail(WEFT__K(MISUSE), loc,
			   "pthread_barrier_wait on %s, which was destroyed",
			   name);
	gen = b->gen;
	if (--b->left == 0) {
		b->left = b->count;
		b->gen++;
		round_done(pb, gen);
		return PTHREAD_BARRIER_SERIAL_THREAD;
	}
	/* The leave orders nothing by the barrier's clock (an explicit
	 * order without acquire); it acquires its round's (round_acquire). */
	op = (struct weft__op){ .name = "barrier leave", .obj = pb,
				.objname = name, .access = WEFT__ACC_READ,
				.order = WEFT__ORDER_EXPLICIT,
				.ready = barrier_ready, .waitdesc = barrier_desc,
				.arg2 = gen, .loc = loc };
	/* Not checked on the way out: glibc's destroy waits for every
	 * thread to leave, so the serial thread may free it at once. */
	weft__visible(&op);
	round_acquire(pb, gen);
	return 0;
}
