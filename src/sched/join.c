/* src/sched/join.c - joining test threads, the program's own clocks
 * (creation, join and semaphore posts: the lock-order graph's order) and
 * yielding.  thread.c creates the threads. */
#include <stdio.h>
#include <string.h>

#include "sched.h"

static bool join_ready(const struct weft__op *op)
{
	return weft__X->th[op->arg2].state == TS_DONE;
}

/* A join at a cancellation point also ends for a cancel request the
 * joiner (op->arg, its id + 1) acts on. */
static bool join_ready_cancel(const struct weft__op *op)
{
	return join_ready(op) ||
	       weft__X->th[(intptr_t)op->arg - 1].cancel_wake;
}

static int join_desc(const struct weft__op *op, char *buf, size_t n)
{
	snprintf(buf, n, "thread %s to finish", weft__X->th[op->arg2].name);
	return (int)op->arg2;
}

/* dst = max(dst, src) over n entries: a join of program clocks (pvc), by
 * a join of a thread or a wait for a semaphore's posts. */
static void pvc_join(uint32_t *dst, const uint32_t *src, int n)
{
	for (int k = 0; k < n; k++)
		if (src[k] > dst[k])
			dst[k] = src[k];
}

void weft_join_at(weft_thread_t th, const struct weft_loc *loc)
{
	(void)weft__join_at(th, loc);
}

bool weft__join_at(weft_thread_t th, const struct weft_loc *loc)
{
	struct weft__exec *X = weft__X;
	const void *cancel = weft__cancel_obj();
	struct weft__thread *t;
	struct weft__op op;

	if (th.id < 0 || th.id >= X->nthreads)
		weft__fail(WEFT__K(MISUSE), loc,
			   "join of an invalid thread (id %d)",
			   th.id);
	t = &X->th[th.id];
	if (th.id == X->cur)
		weft__fail(WEFT__K(MISUSE), loc,
			   "thread %s joins itself", t->name);
	if (t->joined)
		weft__fail(WEFT__K(MISUSE), loc,
			   "thread %s joined twice", t->name);
	op = (struct weft__op){ .name = "join", .obj = t, .obj2 = cancel,
				.objname = t->name,
				.access = WEFT__ACC_READ, .ready = join_ready,
				.waitdesc = join_desc, .arg2 = th.id,
				.loc = loc };
	/* (A join a cancel request may end is asked as other waits are:
	 * the sleep mask stands for join_ready alone.) */
	if (cancel) {
		op.interruptible = true;
		op.ready = join_ready_cancel;
		op.arg = (void *)(intptr_t)(X->cur + 1);
	} else if (t->state != TS_DONE && X->cur >= 0 && X->cur < 64) {
		X->sleep_mask |= (uint64_t)1 << X->cur;
		X->join_tgt[X->cur] = (int16_t)th.id;
	}
	weft__visible(&op);
	/* The thread ended and a cancel request came while the joiner
	 * waited: either may win, an explored choice. */
	if (t->state != TS_DONE ||
	    (cancel && X->th[X->cur].cancel_wake &&
	     weft__choose_on(2, "a joiner acts on its cancel request", t,
			     loc))) {
		weft__step_note("cancelled");
		return false;
	}
	t->joined = true;
	pvc_join(X->th[X->cur].pvc, t->pvc, X->nthreads);
	return true;
}

bool weft__try_join_at(int id, const char *name, const struct weft_loc *loc)
{
	struct weft__exec *X = weft__X;
	struct weft__thread *t;

	if (id < 0 || id >= X->nthreads)
		weft__fail(WEFT__K(MISUSE), loc,
			   "join of an invalid thread (id %d)",
			   id);
	t = &X->th[id];
	if (id == X->cur)
		weft__fail(WEFT__K(MISUSE), loc,
			   "thread %s joins itself", t->name);
	if (t->joined)
		weft__fail(WEFT__K(MISUSE), loc,
			   "thread %s joined twice", t->name);
	weft__point(name, t, t->name, WEFT__ACC_READ, loc);
	if (t->state != TS_DONE) {
		/* A loop that tries again until the thread ends polls. */
		weft__step_note("busy");
		weft__spun();
		return false;
	}
	t->joined = true;
	pvc_join(X->th[X->cur].pvc, t->pvc, X->nthreads);
	return true;
}

void weft__join_ended(int self)
{
	struct weft__exec *X = weft__X;

	for (int i = 0; i < X->nthreads; i++) {
		if (i == self || X->th[i].state != TS_DONE)
			continue;
		/* (pvc_join is the element-wise maximum: either clock.) */
		pvc_join(X->th[self].vc, X->th[i].vc, X->nthreads);
		pvc_join(X->th[self].pvc, X->th[i].pvc, X->nthreads);
	}
}

/* A post leaves the poster's program clock on the semaphore; a wait that
 * takes a count joins every post made so far.  Within this execution the
 * wait could not have completed before them unless the count had other
 * sources (its initial value, or posts made earlier still): the order is
 * then one this schedule chose, which is the risk the lock-order filter
 * takes (lockorder_cycle.c), and why the end of an execution checks the
 * threads left blocked in lock waits (weft__exit_wait_cycle, exec.c). */
void weft__pvc_post(const void *obj)
{
	struct weft__exec *X = weft__X;
	struct weft__objrec *r;
	const uint32_t *pvc;
	int n;

	if (!X || X->cur < 0)
		return;
	r = weft__objrec_find(obj, true);
	pvc = X->th[X->cur].pvc;
	n = X->nthreads;
	if (r->npvc < n) {
		uint32_t *p = weft__exec_alloc((size_t)n * sizeof *p);
		if (r->npvc)
			memcpy(p, r->pvc, (size_t)r->npvc * sizeof *p);
		r->pvc = p;
		r->npvc = n;
	}
	pvc_join(r->pvc, pvc, n);
}

void weft__pvc_wait(const void *obj)
{
	struct weft__exec *X = weft__X;
	const struct weft__objrec *r;

	if (!X || X->cur < 0 || !(r = weft__objrec_find(obj, false)))
		return;
	pvc_join(X->th[X->cur].pvc, r->pvc, r->npvc);
}

const uint32_t *weft__pvc_tick(int tid)
{
	struct weft__thread *t = &weft__X->th[tid];

	t->pvc[tid]++;
	return t->pvc;
}

void(weft_join)(weft_thread_t t)
{
	weft_join_at(t, NULL);
}

void weft__spin_point(const char *what, const struct weft_loc *loc)
{
	weft__point(what, NULL, NULL, WEFT__ACC_NONE, loc);
	weft__spun();
}

void weft_yield_at(const struct weft_loc *loc)
{
	weft__spin_point("yield", loc);
}

void(weft_yield)(void)
{
	weft_yield_at(NULL);
}
