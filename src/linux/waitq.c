/* src/linux/waitq.c - wait queues: wait_event and wake_up.
 *
 * The queue counts its wake-ups.  A waiter's prepare_to_wait is a step
 * that reads the count; its sleep is enabled once the count has moved on
 * since that step (or its timeout fired), so a wake-up that comes before
 * the prepare is lost, as in the kernel, and a wake-up between the
 * prepare and the sleep is not.  The condition itself is the test's code,
 * evaluated by the waiter between the prepare and the sleep; whatever it
 * reads is ordered by its own steps.  All of a waiter's readiness is
 * state that steps on the queue change (a timeout is marked in a step on
 * the queue, like a completion's), so partial-order reduction sees every
 * dependence between waiters and wakers. */
#include <stdio.h>
#include <string.h>

#include "lx.h"

static const char *qname(const struct weft_waitq *q)
{
	return q->name ? q->name : "wait queue";
}

const char *weft__lx_waitq_name(const struct weft_waitq *q)
{
	return qname(q);
}

static int qclass(struct weft_waitq *q)
{
	if (!q->cls)
		q->cls = weft__class(weft__class_key_for(q, q->init),
				     qname(q)) + 1;
	return q->cls - 1;
}

/* The kind of object a wait queue head is for the frame records. */
const char weft__lx_waitq_kind;

/* Every model step checks the queue's memory: the heap, and a frame that
 * has returned (an on-stack queue woken after its waiter gave up). */
static void use(struct weft_waitq *q, bool write, const struct weft_loc *loc)
{
	weft__check_access(q, sizeof *q, write, loc);
	weft__frame_obj_use(q, &weft__lx_waitq_kind, write, loc);
}

void weft__lx_waitq_use(struct weft_waitq *q, bool write,
			const struct weft_loc *loc)
{
	use(q, write, loc);
}

/* A step on q, for the race detector: an atomic access of the queue's
 * first byte (the kernel's steps take its spinlock), which a racing
 * init_waitqueue_head's plain store of q (obj_init.c) conflicts with. */
void weft__lx_waitq_stepped(struct weft_waitq *q, const struct weft_loc *loc)
{
	weft__race_model_access(q, 1, true, loc);
}

void weft__lx_waitq_setup(struct weft_waitq *q, const char *name,
			  const struct weft_loc *loc)
{
	*q = (struct weft_waitq)WEFT_WAITQ_INIT(name);
	q->init = loc;
	weft__frame_obj_init(q, sizeof *q, &weft__lx_waitq_kind, NULL, loc);
}

static unsigned long wakeups_of(const struct weft_waiter *w);

/* A thread other than the caller with an entry on q's list: a wait_event
 * registered since the last wake-up that reaches it, or an open-coded
 * wait's entry (prepare_to_wait, add_wait_queue) still on it; or -1. */
static int sleeper(const struct weft_waitq *q, const struct weft_loc **at)
{
	int n = weft__nthreads() < weft__lx_th_dirty ? weft__nthreads()
						      : weft__lx_th_dirty;

	for (int t = 0; t < n; t++) {
		const struct weft__lx_thread *x = &weft__lx_th[t];
		const struct weft_waiter *w = x->waiter;

		if (t == weft__self() || weft__thread_done(t))
			continue;
		*at = NULL;
		if (w && w->q == q && w->registered &&
		    w->reg_at == wakeups_of(w)) {
			*at = w->loc;
			return t;
		}
		if (x->ow_q == q)
			return t;
	}
	return -1;
}

void weft_waitq_init(struct weft_waitq *q, const char *name,
		     const struct weft_loc *loc)
{
	const struct weft_loc *at;
	int t;

	/* The kernel's init empties the list under its entries: the next
	 * wake_up misses the sleeper (obj_init.c). */
	if (weft__lx_init_step("init_waitqueue_head", q, sizeof *q,
			       name ? name : "wait queue",
			       (uintptr_t)__builtin_return_address(0), loc) &&
	    (t = sleeper(q, &at)) >= 0)
		weft__fail(WEFT__K(MISUSE), loc,
			   "init_waitqueue_head(%s) while %s is on it%s%s: "
			   "the list is emptied under the sleeper, which no "
			   "wake_up reaches any more",
			   name ? name : "wait queue", weft__lx_tname(t),
			   at ? " (waiting at " : "",
			   at ? weft__internf("%s)", weft__lx_site(at)) : "");
	weft__lx_waitq_setup(q, name, loc);
}

/* An exclusive waiter onto its queue's tail, and off it. */
static void ex_add(struct weft_waiter *w)
{
	struct weft_waiter **p = &w->q->ex_first;

	if (w->on_ex)
		return;
	while (*p)
		p = &(*p)->ex_next;
	w->ex_next = NULL;
	w->ex_seq = weft__lx_wait_seq();
	*p = w;
	w->on_ex = 1;
}

static void ex_remove(struct weft_waiter *w)
{
	struct weft_waiter **p = &w->q->ex_first;

	if (!w->on_ex)
		return;
	while (*p && *p != w)
		p = &(*p)->ex_next;
	if (*p)
		*p = w->ex_next;
	w->on_ex = 0;
}

/* The wake-ups that wake w (every one for an interruptible wait, not
 * wake_up_interruptible's for the others), and the registration on the
 * queue that those wake-ups clear. */
static unsigned long wakeups_of(const struct weft_waiter *w)
{
	return w->intr ? w->q->wakeups : w->q->wakeups_u;
}

static void reg_of(struct weft_waiter *w, unsigned long **gen, int **n)
{
	*gen = w->intr ? &w->q->reg_gen : &w->q->reg_gen_u;
	*n = w->intr ? &w->q->nreg : &w->q->nreg_u;
}

/* Put w on its queue (again, after a wake-up took it off), for
 * waitqueue_active. */
static void enlist(struct weft_waiter *w)
{
	unsigned long now = wakeups_of(w), *gen;
	int *n;

	if (w->exclusive)
		ex_add(w);
	reg_of(w, &gen, &n);
	if (*gen != now) {
		*gen = now;
		*n = 0;
	}
	if (!(w->registered && w->reg_at == now))
		(*n)++;
	w->registered = 1;
	w->reg_at = now;
}

/* Take w off its queue (finish_wait), unless a wake-up already did. */
static void delist(struct weft_waiter *w)
{
	unsigned long now = wakeups_of(w), *gen;
	int *n;

	ex_remove(w);
	reg_of(w, &gen, &n);
	if (w->registered && w->reg_at == now && *gen == now && *n > 0)
		(*n)--;
	w->registered = 0;
}

/* An exclusive waiter's steps on its queue write it (they add the waiter
 * to the list a wake-up picks from, whose order decides which waiter is
 * woken), so the explorer orders them against one another; the other
 * waiters' only read it. */
static int q_access(const struct weft_waiter *w)
{
	return w->exclusive ? WEFT__ACC_WRITE : WEFT__ACC_READ;
}

/* prepare_to_wait: remember which wake-ups have been seen. */
static void prepare(struct weft_waiter *w)
{
	weft__point(w->exclusive ? "prepare_to_wait_exclusive"
				 : "prepare_to_wait",
		    w->q, qname(w->q), q_access(w), w->loc);
	use(w->q, false, w->loc);
	weft__lx_waitq_stepped(w->q, w->loc);
	w->gen = wakeups_of(w);
	w->prepared = 1;
	enlist(w);
}

/* A wait's start: the waiter filled in, the queue's memory checked, and,
 * when sleep_check, the sleep check before the kernel's prepare_to_wait
 * (weft_wait_prepare leaves it for after its caller drops a lock). */
static void start(struct weft_waitq *q, struct weft_waiter *w, long timeout,
		  const char *what, const char *cond,
		  const struct weft_loc *loc, bool sleep_check, bool excl)
{
	/* The wait's name says its mode: wait_event_interruptible*,
	 * wait_event_freezable (mapped onto it) and the like are woken by
	 * wake_up_interruptible; wait_event, _killable and _idle are not. */
	*w = (struct weft_waiter){ .q = q, .timeout = timeout, .what = what,
				   .cond = cond, .loc = loc,
				   .exclusive = excl,
				   .intr = strstr(what, "interruptible") != NULL };
	if (w->intr)
		weft__lx_signal_done();
	use(q, false, loc);
	if (sleep_check)
		weft_wait_may_sleep(w);
	/* The kernel's wait_event_*_exclusive (and swait's) check the
	 * condition before prepare_to_wait, so a waiter that finds it true
	 * never goes on the queue, where it could take a wake-up meant for
	 * another: an exclusive waiter prepares at its first false check. */
	if (!excl)
		prepare(w);
	weft__lx_me()->waiter = w;
}

void weft_wait_begin(struct weft_waitq *q, struct weft_waiter *w,
		     long timeout, const char *what, const char *cond,
		     const struct weft_loc *loc)
{
	start(q, w, timeout, what, cond, loc, true, false);
}

void weft_wait_begin_exclusive(struct weft_waitq *q, struct weft_waiter *w,
			       long timeout, const char *what,
			       const char *cond, const struct weft_loc *loc)
{
	start(q, w, timeout, what, cond, loc, true, true);
}

void weft_wait_prepare(struct weft_waitq *q, struct weft_waiter *w,
		       long timeout, const char *what, const char *cond,
		       const struct weft_loc *loc)
{
	start(q, w, timeout, what, cond, loc, false, false);
}

void weft_wait_may_sleep(struct weft_waiter *w)
{
	weft_might_sleep(w->what, qname(w->q), w->loc);
}

static bool fired(const struct weft_waiter *w, int tid)
{
	const struct weft__lx_thread *t = &weft__lx_th[tid];
	return w->timeout >= 0 && t->tw_obj == w->q && t->tw_fired;
}

static bool woken(const struct weft__op *op)
{
	const struct weft_waiter *w = op->arg;
	bool wake = w->exclusive ? w->picked : wakeups_of(w) != w->gen;

	return wake || w->kicked || fired(w, (int)op->arg2);
}

static int wq_waitdesc(const struct weft__op *op, char *buf, size_t n)
{
	const struct weft_waiter *w = op->arg;
	const struct weft_waitq *q = w->q;

	/* An exclusive waiter may have slept through a later wake-up that
	 * picked another waiter: say so, not "before this wait began". */
	if (q->waker && w->exclusive && wakeups_of(w) != w->gen)
		snprintf(buf, n, "a wake_up of %s to see `%s` (it is an "
			 "exclusive waiter: the last wake-up, by %s at %s, "
			 "woke another)", qname(q), w->cond,
			 weft__lx_tname(q->waker - 1), weft__lx_site(q->woken_at));
	else if (q->waker)
		snprintf(buf, n, "a wake_up of %s to see `%s` (last woken by %s "
			 "at %s, before this wait began)", qname(q), w->cond,
			 weft__lx_tname(q->waker - 1), weft__lx_site(q->woken_at));
	else
		snprintf(buf, n, "a wake_up of %s to see `%s`, which nobody "
			 "has woken", qname(q), w->cond);
	weft__lx_waker("wake_up", "wait queue", qname(q), buf, n);
	return -1;
}

/* The timeout is an event on the virtual clock, armed at the first
 * sleep, so whether it fires before the wake-up is explored. */
static void arm_timeout(struct weft_waiter *w)
{
	struct weft__lx_thread *me = weft__lx_me();

	weft__point(w->what, &weft__lx_dom, LX_DOM_NAME, WEFT__ACC_WRITE, w->loc);
	w->deadline = weft__lx_now() + (unsigned long)w->timeout;
	me->tw_obj = w->q;
	me->tw_gen++;
	me->tw_fired = 0;
	me->sleep_ev.gen = me->tw_gen;
	weft__lx_ev_arm(&me->sleep_ev, LX_EV_WQWAIT, w->deadline, w->q, w->loc);
	weft__lx_clock_need_thread(w->loc);
}

static void sleep_once(struct weft_waiter *w)
{
	struct weft__op op = { .name = w->what, .obj = w->q,
			       .objname = qname(w->q),
			       .access = q_access(w), .ready = woken,
			       .waitdesc = wq_waitdesc, .arg = w,
			       .arg2 = weft__self(), .loc = w->loc };

	/* Only a wait that really sleeps waits for a waker, so only then
	 * is holding a lock the edge L -> Q. */
	if (!w->slept) {
		w->slept = 1;
		weft__wait_on_class(qclass(w->q), w->loc);
		if (w->timeout > 0)
			arm_timeout(w);
	}
	weft__visible(&op);
	use(w->q, false, w->loc);
	/* Woken: the kernel's loop prepares again before it re-evaluates
	 * the condition, atomically with the wake-up seen here. */
	w->gen = wakeups_of(w);
	w->kicked = 0;
	w->picked = 0;
	enlist(w);
}

/* An open-coded wait's sleep (schedule() after prepare_to_wait) waits
 * for a waker, as a wait_event's does: holding a lock is the edge L -> Q. */
void weft__lx_waitq_sleeps(struct weft_waitq *q, const struct weft_loc *loc)
{
	weft__wait_on_class(qclass(q), loc);
}

/* wait_event_timeout's result once the wait is over, as the kernel's
 * ___wait_cond_timeout computes it: 0 when the time ran out with the
 * condition false; 1 when it ran out but the condition holds; otherwise
 * the jiffies left (the whole timeout when it never slept). */
static long timed_result(const struct weft_waiter *w, int cond, bool out)
{
	long left;

	if (!cond)
		return 0;
	if (out)
		return 1;
	if (!w->slept)
		return w->timeout > 0 ? w->timeout : 1;
	left = (long)(w->deadline - weft__lx_now());
	return left > 0 ? left : 1;
}

int weft_wait_cond(struct weft_waiter *w, int cond)
{
	bool out = w->timeout == 0 || fired(w, weft__self());

	if (cond || (w->timeout >= 0 && out)) {
		w->result = w->timeout < 0 ? 0 : timed_result(w, cond, out);
		return 1;
	}
	/* The kernel's ___wait_event: with the condition false, an
	 * interruptible wait with a signal pending (a kthread_stop's, which
	 * kicks the wait) ends with -ERESTARTSYS. */
	if (w->intr && weft__lx_task_notified(weft__self())) {
		w->result = -LX_ERESTARTSYS;
		return 1;
	}
	if (!w->prepared) {
		prepare(w);
		return 0;
	}
	/* A user's signal may come while it sleeps: it wakes the waiter,
	 * which then finds the condition false and the signal pending. */
	if (w->intr && weft__lx_signal_maybe(w->loc))
		w->kicked = 1;
	sleep_once(w);
	return 0;
}

long weft_wait_end(struct weft_waiter *w)
{
	struct weft__lx_thread *me = weft__lx_me();

	me->waiter = NULL;
	/* An exclusive waiter still on the queue leaves it in a step of its
	 * own (finish_wait takes the queue's lock): a wake-up before it
	 * picks this waiter, one after it the next. */
	if (w->on_ex)
		weft__point("finish_wait", w->q, qname(w->q), WEFT__ACC_WRITE,
			    w->loc);
	delist(w);
	if (w->timeout > 0 && w->slept) {
		if (me->sleep_ev.armed && me->tw_obj == w->q) {
			weft__point("del_timer", &weft__lx_dom, LX_DOM_NAME,
				    WEFT__ACC_WRITE, w->loc);
			weft__lx_ev_disarm(&me->sleep_ev);
		}
		weft__step_note(w->result ? "done" : "timed out");
		me->tw_obj = NULL;
	}
	return w->result;
}

int weft_waitq_active(struct weft_waitq *q, const struct weft_loc *loc)
{
	/* A write for the explorer (the prepares, which read the queue,
	 * do not commute with it), relaxed for the clocks: it orders no
	 * memory. */
	struct weft__op op = { .name = "waitqueue_active", .obj = q,
			       .objname = qname(q),
			       .access = WEFT__ACC_WRITE,
			       .order = WEFT__ORDER_EXPLICIT, .loc = loc };

	use(q, false, loc);
	weft__visible(&op);
	/* A poll, so a loop waiting for a waiter to come spins (its write
	 * is no progress while the answer stays the same). */
	return (int)weft__poll(q, (q->reg_gen == q->wakeups && q->nreg > 0) ||
				      (q->reg_gen_u == q->wakeups_u &&
				       q->nreg_u > 0) ||
				      q->ex_first || q->ow_n > 0);
}

/* Whether a wake-up of op's queue now is a release: no sleeper of the
 * queue may return already (woken earlier, kicked, or its timeout fired).
 * A release may only enable what was disabled before it (op.h); a
 * wait_event_timeout whose time ran out could return before a later
 * wake_up as well as after it, and the order where it returns first, and
 * times out with its condition still false, was never tried: a waker that
 * sets the condition and wakes the queue made every such timeout path
 * verified (a helper's probe). */
static bool no_sleeper_ready(const struct weft__op *op)
{
	/* Every wait_event of the queue that has prepared, asleep or not yet
	 * (its sleep's op is woken over the same waiter): one not asleep
	 * that a wake-up, a kthread_stop's kick or its timeout reached
	 * already returns at its sleep either way, and with its pending op
	 * alone asked, the kick of a stop before a
	 * wait_event_interruptible_timeout slept, then its timeout, made
	 * the -ERESTARTSYS return never tried (a helper's probe). */
	for (int t = 0; t < weft__nthreads() && t < WEFT__MAX_THREADS; t++) {
		const struct weft_waiter *w = weft__lx_th[t].waiter;
		if (w && w->q == op->obj && w->prepared &&
		    woken(&(struct weft__op){ .arg = (void *)w, .arg2 = t }))
			return false;
	}
	return true;
}

/* The step of a wake-up of q: a release, unless a sleeper could return
 * already (no_sleeper_ready). */
static void wake_point(const char *what, struct weft_waitq *q,
		       const char *name, const struct weft_loc *loc)
{
	struct weft__op op = { .name = what, .obj = q, .objname = name,
			       .access = WEFT__ACC_WRITE, .release = true,
			       .release_now = no_sleeper_ready, .loc = loc };

	weft__visible(&op);
	weft__lx_waitq_stepped(q, loc);
}

void weft__lx_waitq_timeout(struct weft_waitq *q, int tid, unsigned long gen)
{
	wake_point("wait_timeout", q, qname(q), NULL);
	if (weft__lx_th[tid].tw_obj == q && weft__lx_th[tid].tw_gen == gen)
		weft__lx_th[tid].tw_fired = 1;
}

void weft_waitq_wake_nr(struct weft_waitq *q, int nr, const char *what,
			const struct weft_loc *loc)
{
	weft_waitq_wake_mode(q, nr, WEFT_WAKE_NORMAL, what, loc);
}

void weft_waitq_wake_mode(struct weft_waitq *q, int nr, int mode,
			  const char *what, const struct weft_loc *loc)
{
	bool all = mode != WEFT_WAKE_INTERRUPTIBLE;

	use(q, true, loc);
	weft__lx_event_edges(qclass(q), loc);
	wake_point(what, q, qname(q), loc);
	use(q, true, loc);
	q->wakeups++;
	q->wakeups_u += all;
	q->waker = weft__self() + 1;
	q->woken_at = loc;
	/* The first nr exclusive waiters, each taken off the queue as the
	 * kernel's autoremove_wake_function does: one that finds its
	 * condition false goes back on at the tail, and the wake-up it
	 * took is spent (a waiter that has prepared counts as woken even
	 * before it sleeps, as try_to_wake_up succeeds on it).  They and
	 * the open-coded entries share one order (weft__lx_owait_wake):
	 * these were woken first, so a wait_event waiter was woken where the
	 * kernel wakes an open-coded one that queued before it, and the
	 * open-coded non-exclusive entries were left asleep once these had
	 * used up nr (a helper's probe: a deadlock verified, a correct
	 * program's false one). */
	weft__lx_owait_wake(q, nr <= 0 ? -1 : nr, mode, loc);
}

void weft__lx_waitq_pick(struct weft_waiter *w)
{
	ex_remove(w);
	w->picked = 1;
}

void weft_waitq_wake(struct weft_waitq *q, const char *what,
		     const struct weft_loc *loc)
{
	weft_waitq_wake_nr(q, 0, what, loc);
}

/* A wake_up_process() of thread tid (kthread_stop's): if it is inside a
 * wait_event, the wait re-evaluates its condition, as the kernel's does
 * after any wake-up of the task, not only a wake_up() of its queue.  A
 * step on the queue, so the waiter's prepare and sleep are ordered
 * against it.  The waiter lives on tid's stack: it is read only while
 * tid is still registered in it. */
void weft__lx_waitq_kick(int tid, const char *name, const struct weft_loc *loc)
{
	struct weft_waiter *w = weft__lx_th[tid].waiter;
	struct weft_waitq *q;

	if (!w)
		return;
	q = w->q;
	wake_point("wake_up_process", q, name, loc);
	if (weft__lx_th[tid].waiter == w && w->q == q)
		w->kicked = 1;
}
