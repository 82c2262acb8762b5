/* src/linux/waitq_open.c - open-coded waits: prepare_to_wait, schedule()
 * and finish_wait, add_wait_queue and remove_wait_queue.
 *
 *	DEFINE_WAIT(wait);
 *	for (;;) {
 *		prepare_to_wait(&q, &wait, TASK_UNINTERRUPTIBLE);
 *		if (cond)
 *			break;
 *		schedule();
 *	}
 *	finish_wait(&q, &wait);
 *
 * The entry lives on the waiter's stack; weft keeps where it is with the
 * waiter's thread (one open-coded wait per thread), so a wake-up never
 * reads a stack, and an entry left on a queue by a thread that ended is
 * found.  prepare_to_wait also sets the task's state, in the same step,
 * as the kernel does both under the queue's lock.  A wake_up of the queue sets
 * the state of each task whose entry it wakes running (try_to_wake_up)
 * and takes a DEFINE_WAIT entry off the list (autoremove_wake_function),
 * so a wake-up between the prepare and schedule() is not lost, and one
 * before the prepare is: a waiter that checks its condition first and
 * prepares after it sleeps for ever, as in the kernel.
 *
 * schedule() sleeps while the state is not TASK_RUNNING (ext_sched.c), a
 * step on the task's state; a wake-up decides whom it wakes in its step
 * on the queue and sets each one's state in a step on that state (wake
 * below), so every change of the sleeper's readiness is a step on the
 * object its sleep names, as partial-order reduction needs.  The queue's
 * step reads the states its entries' tasks set: prepare_to_wait,
 * finish_wait and set_current_state in such a wait are steps on the
 * queue too. */
#include <limits.h>
#include <stdio.h>

#include "lx.h"
#include <kernel/linux/weft_ext.h>

static const char *qname(const struct weft_waitq *q)
{
	return weft__lx_waitq_name(q);
}

/* The order exclusive entries went on their queues (the kernel adds them
 * at the tail and wakes from the head), open-coded ones and wait_event's
 * (waitq.c) on one clock.  It only grows: entries compare by it. */
static unsigned long ow_clock;

unsigned long weft__lx_wait_seq(void)
{
	return ++ow_clock;
}

/* The step every call makes: a write of the queue (its entries change),
 * its memory checked as in the kernel; with the caller's task state too
 * when the call sets it (state), which wake_up_process() writes. */
static void queue_step(const char *what, struct weft_waitq *q, bool state,
		       const struct weft_loc *loc)
{
	struct weft__op op = {
		.name = what, .obj = q, .objname = qname(q),
		.obj2 = state ? weft__lx_task_state_obj(weft__self()) : NULL,
		.access = WEFT__ACC_WRITE, .release = true, .loc = loc };

	weft__lx_waitq_use(q, true, loc);
	weft__visible(&op);
	weft__lx_waitq_stepped(q, loc);
}

static void enter(struct weft_waitq *q, const struct weft_owait *w,
		  int exclusive, const char *what, const struct weft_loc *loc)
{
	struct weft__lx_thread *me = weft__lx_me();
	int id = weft__self();

	if (me->ow_q && me->ow_q != q)
		weft__limit("unsupported: a thread on two wait queues", loc,
			    "%s(%s) while the thread's entry of an open-coded "
			    "wait is on %s: weft models one open-coded wait "
			    "per thread", what, qname(q), qname(me->ow_q));
	if (!me->ow_q) {
		me->ow_q = q;
		me->ow_seq = ++ow_clock;
		me->ow_excl = exclusive;
		me->ow_keep = w->keep;
		me->ow_woken = 0;
		me->ow_serial = weft__thread_serial(id);
		q->ow_n++;
	}
	weft__lx_task_open_wait(id, q);
}

void weft_owait_prepare(struct weft_waitq *q, struct weft_owait *w,
			int state, int exclusive, const struct weft_loc *loc)
{
	const char *what = exclusive ? "prepare_to_wait_exclusive"
				     : "prepare_to_wait";

	queue_step(what, q, true, loc);
	enter(q, w, exclusive, what, loc);
	weft__lx_task_set_state(weft__self(), state);
}

void weft_owait_add(struct weft_waitq *q, struct weft_owait *w,
		    int exclusive, const struct weft_loc *loc)
{
	const char *what = exclusive ? "add_wait_queue_exclusive"
				     : "add_wait_queue";

	queue_step(what, q, false, loc);
	enter(q, w, exclusive, what, loc);
}

/* Off its queue, if a wake-up did not take it. */
static void leave(struct weft_waitq *q)
{
	struct weft__lx_thread *me = weft__lx_me();

	if (me->ow_q) {
		me->ow_q->ow_n--;
		me->ow_q = NULL;
	}
	(void)q;
	weft__lx_task_open_wait(weft__self(), NULL);
}

void weft_owait_finish(struct weft_waitq *q, struct weft_owait *w,
		       const struct weft_loc *loc)
{
	(void)w;
	/* The kernel's finish_wait takes the queue's lock only while the
	 * entry is on it (list_empty_careful): one a wake-up took off
	 * touches only the task's state, and the queue may be freed by
	 * then. */
	if (weft__lx_me()->ow_q == q)
		queue_step("finish_wait", q, true, loc);
	else
		weft__point("finish_wait", weft__lx_task_state_obj(weft__self()),
			    weft__thread_name(weft__self()), WEFT__ACC_WRITE,
			    loc);
	weft__lx_task_set_state(weft__self(), 0);
	leave(q);
}

long weft_owait_woken(struct weft_owait *w, int state, long timeout,
		      const struct weft_loc *loc)
{
	struct weft__lx_thread *me = weft__lx_me();
	struct weft_waitq *q = me->ow_q;
	int self = weft__self();
	long left = timeout;

	if (!q || w->keep != 2)
		weft__fail(WEFT__K(MISUSE), loc,
			   "wait_woken %s: only a woken_wake_function entry "
			   "(DEFINE_WAIT_FUNC(wait, woken_wake_function)) "
			   "on a wait queue (add_wait_queue) is woken",
			   !q ? "of an entry on no wait queue"
			      : "of an entry without woken_wake_function");
	/* The check of the flag and the sleeping state in one step on the
	 * queue and the state: a wake-up is before it (the flag is set) or
	 * after it (it sets the task running), never lost between. */
	queue_step("wait_woken", q, true, loc);
	if (!me->ow_woken) {
		weft__lx_task_set_state(self, state);
		left = weft_kx_schedule(timeout, "wait_woken", loc);
	}
	weft__lx_task_set_state(self, 0);
	weft__lx_me()->ow_woken = 0;
	/* No timeout (MAX_SCHEDULE_TIMEOUT): the kernel's wait_woken returns
	 * it unchanged, woken or not, so a socket-style loop that stops at
	 * 0 waits on; -1 or schedule's 0 ended it after one wake-up. */
	return timeout < 0 ? LONG_MAX : left;
}

void weft_owait_remove(struct weft_waitq *q, struct weft_owait *w,
		       const struct weft_loc *loc)
{
	(void)w;
	queue_step("remove_wait_queue", q, false, loc);
	leave(q);
}

/* Thread t's entry is on q.  One put there by a thread that has ended
 * (its record may hold a later thread now) is a use of the ended thread's
 * stack, where the entry was: the kernel's wake-up writes through it. */
static bool on_queue(int t, const struct weft_waitq *q,
		     const struct weft_loc *loc)
{
	const struct weft__lx_thread *th = &weft__lx_th[t];

	if (th->ow_q != q)
		return false;
	if (weft__thread_done(t) || th->ow_serial != weft__thread_serial(t))
		weft__fail(WEFT__K(USE_AFTER_FREE), loc,
			   "wake_up of %s reaches the wait queue entry of a "
			   "thread that has ended without finish_wait (or "
			   "remove_wait_queue): the entry was on its stack",
			   qname(q));
	return true;
}

/* try_to_wake_up succeeds on a task whose state is not TASK_RUNNING;
 * only then is an autoremove entry taken off and an exclusive one
 * counted.  Decided here, in the wake-up's step on the queue; the state
 * is set in a step of its own on the task (wake below). */
static bool wake_one(struct weft_waitq *q, int t, int states, int *woken,
		     int *nwoken)
{
	struct weft__lx_thread *th = &weft__lx_th[t];
	bool was = (weft__lx_task_state(t) & states) != 0;

	/* woken_wake_function marks the entry whether or not the task
	 * slept, so a wake-up before wait_woken is not lost; it counts as
	 * its try_to_wake_up does. */
	if (th->ow_keep == 2)
		th->ow_woken = 1;
	if (!was)
		return false;
	woken[(*nwoken)++] = t;
	if (!th->ow_keep) {
		th->ow_q = NULL;
		q->ow_n--;
	}
	return true;
}

/* Each woken task's state set running in a step on the task's state,
 * which its sleep in schedule() names: every change of the sleeper's
 * readiness is a step on its object (partial-order reduction), and its
 * return from schedule() is ordered after the waker's wake-up.  Between
 * the queue's step and these the sleeper cannot run (its state is not
 * running yet); a task that was running and prepares again in between
 * has its next sleep cut short, a spurious wake-up, which the kernel
 * allows and every open-coded wait loop tolerates. */
static void wake(const int *woken, int nwoken, const struct weft_loc *loc)
{
	for (int i = 0; i < nwoken; i++)
		weft__lx_task_wake_step(woken[i], loc);
}

void weft__lx_owait_wake(struct weft_waitq *q, int nr, int states,
			 const struct weft_loc *loc)
{
	bool all = states != WEFT_WAKE_INTERRUPTIBLE;
	int n = weft__lx_th_dirty, woke = 0, ex[WEFT__MAX_THREADS], nex = 0;
	int woken[WEFT__MAX_THREADS], nwoken = 0, i = 0;
	struct weft_waiter *w = q->ex_first, *next;

	/* The non-exclusive entries, at the head of the kernel's list: all
	 * of them, whatever nr. */
	for (int t = 0; t < n && q->ow_n; t++)
		if (on_queue(t, q, loc)) {
			if (weft__lx_th[t].ow_excl)
				ex[nex++] = t;
			else
				wake_one(q, t, states, woken, &nwoken);
		}
	/* The exclusive ones, first come first, up to nr woken. */
	for (int a = 1; a < nex; a++)
		for (int j = a; j > 0 && weft__lx_th[ex[j - 1]].ow_seq >
					    weft__lx_th[ex[j]].ow_seq; j--) {
			int k = ex[j];
			ex[j] = ex[j - 1];
			ex[j - 1] = k;
		}
	/* Merged with wait_event's exclusive waiters (q->ex_first, in the
	 * order they queued), by the one clock both take their places on. */
	while ((nr < 0 || woke < nr) && (w || i < nex)) {
		if (w && (i >= nex || w->ex_seq < weft__lx_th[ex[i]].ow_seq)) {
			next = w->ex_next;
			if (all || w->intr) {
				weft__lx_waitq_pick(w);
				woke++;
			}
			w = next;
		} else {
			woke += wake_one(q, ex[i++], states, woken, &nwoken);
		}
	}
	wake(woken, nwoken, loc);
}
