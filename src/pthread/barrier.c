/* src/pthread/barrier.c - POSIX barriers.  A barrier is weft's own: the
 * count of threads still to arrive and a generation number, kept in the
 * program's pthread_barrier_t, so a waiter is enabled once the generation
 * it arrived in has completed.  Destroying one that threads wait on, or
 * initialising it again then, is misuse. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "pthread/pt.h"
#include "modelled.h"

struct barrier {
	unsigned count;      /* threads per round */
	unsigned left;       /* still to arrive this round */
	unsigned gen;        /* rounds completed */
	unsigned destroyed;  /* pthread_barrier_destroy ran (count is 0) */
	unsigned mark;       /* BARRIER_LIVE while initialised */
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

/* The barriers initialised in this execution and not destroyed since,
 * each marked in its bytes (BARRIER_LIVE): the bytes of any other (a
 * stack slot an earlier execution or a returned frame used, a heap
 * block's garbage) mean nothing, so only these can have threads on them.
 * The list grows as needed, in per-execution memory. */
#define BARRIER_LIVE 0x42415252u
static const pthread_barrier_t **live;
static int nlive, cap_live;
static long live_gen = -1;

static int live_find(const pthread_barrier_t *pb)
{
	if (live_gen != weft__exec_gen()) {
		live_gen = weft__exec_gen();
		live = NULL;
		nlive = cap_live = 0;
	}
	for (int i = 0; i < nlive; i++)
		if (live[i] == pb)
			return i;
	return -1;
}

static void live_add(const pthread_barrier_t *pb)
{
	if (live_find(pb) >= 0)
		return;
	if (nlive == cap_live) {
		int n = cap_live ? 2 * cap_live : 16;
		const pthread_barrier_t **a = weft__exec_alloc(sizeof *a * (size_t)n);
		if (nlive)
			memcpy(a, live, sizeof *a * (size_t)nlive);
		live = a;
		cap_live = n;
	}
	live[nlive++] = pb;
}

static void live_del(const pthread_barrier_t *pb)
{
	int i = live_find(pb);

	if (i >= 0)
		live[i] = live[--nlive];
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
	if (live_find(pb) >= 0 && b->mark == BARRIER_LIVE && b->count &&
	    b->left != b->count)
		weft__fail(WEFT__K(MISUSE), loc,
			   "pthread_barrier_init on %s while %u of its %u "
			   "threads wait on it for the others", name,
			   b->count - b->left, b->count);
	memset(pb, 0, sizeof *pb);
	b->count = b->left = count;
	b->mark = BARRIER_LIVE;
	live_add(pb);
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
	b->mark = 0;
	live_del(pb);
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
