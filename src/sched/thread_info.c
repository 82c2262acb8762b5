/* src/sched/thread_info.c - what the rest of weft may ask about a thread
 * by its id: its name, whether it finished, is a daemon or is starting,
 * its pending operation, its stack and the memory the leak check scans,
 * and its serial.  Models, detectors and strategies read threads only
 * through these (internal.h, run.h); the records stay the scheduler's. */
#include "sched.h"
#include "arch/tls.h"

uint64_t weft__thread_serial(int tid)
{
	return (uint64_t)weft__exec_gen() << 32 | weft__X->th[tid].serial;
}

void weft__thread_stack(int tid, void **base, size_t *size)
{
	const struct weft__stack *s = weft__X->th[tid].stack;

	*base = s ? s->base : NULL;
	*size = s ? s->size : 0;
}

int weft__self(void)
{
	return weft__X ? weft__X->cur : -1;
}

int weft_self(void)
{
	return weft__self();
}

const char *weft__thread_name(int id)
{
	if (id < 0 || id >= weft__X->nthreads)
		return "?";
	return weft__X->th[id].name;
}

bool weft__thread_done(int id)
{
	return id >= 0 && id < weft__X->nthreads &&
	       weft__X->th[id].state == TS_DONE;
}

bool weft__thread_daemon(int id)
{
	return weft__X->th[id].flags & WEFT__THREAD_DAEMON;
}

unsigned weft__thread_flags(int id)
{
	return weft__X->th[id].flags;
}

/* A live thread that becomes a daemon, or stops being one, changes the
 * count of threads the execution waits for (compute_small in sched.c). */
static void set_flags(int id, unsigned flags)
{
	struct weft__thread *t = &weft__X->th[id];

	if (t->state == TS_LIVE)
		weft__X->n_work += !(flags & WEFT__THREAD_DAEMON) -
				   !(t->flags & WEFT__THREAD_DAEMON);
	t->flags = flags;
}

void weft__thread_add_flags(int id, unsigned flags)
{
	set_flags(id, weft__X->th[id].flags | flags);
}

void weft__thread_clear_flags(int id, unsigned flags)
{
	set_flags(id, weft__X->th[id].flags & ~flags);
}

/* Asked at every mutex unlock (mutex_alone.c): for at most 64 threads,
 * from the words the scheduling point reads (sched.h), without a visit
 * of each thread's record, as compute_small in sched.c decides. */
bool weft__other_can_run(int self)
{
	const struct weft__exec *X = weft__X;

	if (X->nthreads <= 64) {
		uint64_t me = self >= 0 && self < 64 ? (uint64_t)1 << self : 0;
		uint64_t pend = X->live_small & X->pend_mask & ~X->sleep_mask &
				~me;

		if (pend & ~X->pend_cond)
			return true;
		for (uint64_t m = pend & X->pend_cond; m; m &= m - 1) {
			int b = __builtin_ctzll(m);
			if (!X->pend_ready[b] || X->pend_ready[b](X->pend[b]))
				return true;
		}
		return false;
	}
	for (int i = 0; i < weft__X->nthreads; i++)
		if (i != self && weft__X->th[i].state == TS_LIVE &&
		    weft__thread_enabled(i))
			return true;
	return false;
}

int weft__nthreads(void)
{
	return weft__X->nthreads;
}

int weft__live_threads(void)
{
	const struct weft__exec *X = weft__X;
	int n = 0;

	for (int i = 0; X && i < X->nthreads; i++)
		n += X->th[i].state == TS_LIVE;
	return n;
}

/* The span of the stacks of the threads that finished in this execution,
 * a filter before the search of weft__in_dead_stack (reset with the
 * execution, widened as a thread finishes). */
const char *weft__dead_lo, *weft__dead_hi;

/* The thread whose frames below ended_hi returned for good (-1: none),
 * and where its stack begins. */
static int ended_tid = -1;
static const char *ended_lo, *ended_hi;

void weft__dead_stacks_reset(void)
{
	weft__dead_lo = weft__dead_hi = NULL;
	ended_tid = -1;
}

static void widen(const char *lo, const char *hi)
{
	if (!weft__dead_hi || lo < weft__dead_lo)
		weft__dead_lo = lo;
	if (hi > weft__dead_hi)
		weft__dead_hi = hi;
}

void weft__span_dead(const char *lo, const char *hi)
{
	widen(lo, hi);
}

/* Without the race detector (the unit tests' core), no frame is
 * watched. */
__attribute__((weak)) void weft__frame_arg_escape(const void *p, int receiver)
{
	(void)p;
	(void)receiver;
}

void weft__dead_stack_add(const struct weft__thread *t)
{
	const char *lo, *hi;

	if (!t->stack)
		return;
	widen(t->stack->base, (const char *)t->stack->base + t->stack->size);
	if (weft__tls_exe_span(t->stack->tp, &lo, &hi))
		widen(lo, hi);
	/* Its errno too (a pointer kept from &errno): the C library's part
	 * of the block, further below the thread pointer. */
	if (weft__tls_errno_span(t->stack->tp, &lo, &hi))
		widen(lo, hi);
}

void weft__stack_frames_ended(const void *hi)
{
	const struct weft__exec *X = weft__X;
	const struct weft__thread *t;

	if (!X || X->cur < 0 || !(t = &X->th[X->cur])->stack)
		return;
	ended_tid = t->id;
	ended_lo = t->stack->base;
	ended_hi = hi;
	widen(ended_lo, ended_hi);
}

/* p lies in the ended frames of a thread other than the caller.  The
 * thread's exit handlers run below the place too (natively they
 * overwrite main's locals there): their own frames are the thread's, and
 * another thread given a pointer to a handler's local is taken as
 * reading main's. */
static bool in_ended(const struct weft__exec *X, const char *a)
{
	if (ended_tid < 0 || a < ended_lo || a >= ended_hi ||
	    X->cur == ended_tid)
		return false;
	return X->th[ended_tid].state == TS_LIVE;
}

bool weft__in_dead_stack(const void *p, const char **name, int *kind)
{
	const struct weft__exec *X = weft__X;
	const char *a = p, *lo, *hi;

	if (a < weft__dead_lo || a >= weft__dead_hi || !X)
		return false;
	for (int i = 0; i < X->nthreads; i++) {
		const struct weft__thread *t = &X->th[i];
		bool tls;
		if (t->state != TS_DONE || !t->stack)
			continue;
		lo = t->stack->base;
		tls = a >= lo + t->stack->size || a < lo;
		if (!tls ||
		    (weft__tls_exe_span(t->stack->tp, &lo, &hi) && a >= lo &&
		     a < hi)) {
			*name = t->name;
			*kind = tls ? WEFT__DEAD_TLS : WEFT__DEAD_STACK;
			return true;
		}
		if (weft__tls_errno_span(t->stack->tp, &lo, &hi) && a >= lo &&
		    a < hi) {
			*name = t->name;
			*kind = WEFT__DEAD_ERRNO;
			return true;
		}
	}
	if (in_ended(X, a)) {
		*name = X->th[ended_tid].name;
		*kind = WEFT__DEAD_RETURNED;
		return true;
	}
	return false;
}

bool weft__thread_mem(int tid, struct weft__thread_mem *m)
{
	const struct weft__thread *th = &weft__X->th[tid];
	const char *lo;

	if (th->state != TS_LIVE)
		return false;
	*m = (struct weft__thread_mem){
		.tp = th->stack ? th->stack->tp : NULL,
		.regs_lo = (const char *)&th->ctx,
		.regs_hi = (const char *)(&th->ctx + 1),
		.arg = th->arg };
	if (!th->stack)
		return true;
	lo = th->stack->base;
#ifdef WEFT_ARCH_ASM
	/* A parked fiber's live frames start at its saved stack pointer;
	 * below it is garbage (and main's stack is 8 MiB). */
	if ((const char *)th->ctx.sp > lo &&
	    (const char *)th->ctx.sp < lo + th->stack->size)
		lo = th->ctx.sp;
#endif
	m->stack_lo = lo;
	m->stack_hi = (const char *)th->stack->base + th->stack->size;
	return true;
}

bool weft__thread_starting(int tid)
{
	const struct weft__thread *t = &weft__X->th[tid];

	return t->pending == &t->startop;
}

const struct weft__op *weft__thread_pending(int id)
{
	return weft__X->th[id].pending;
}
