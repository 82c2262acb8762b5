/* src/linux/ext_sched.c - current, task states, schedule() and
 * wake_up_process(), and the atomic sections (preempt_disable,
 * local_irq_save, local_bh_disable, tasklets) of the kernel header tree.
 *
 * A thread's task state is an object of its own: set_current_state and
 * wake_up_process are dependent steps on it, so a wake-up between a
 * thread's check of its condition and its set_current_state (the lost
 * wake-up) is explored, and hangs the sleeper as in the kernel. */
#include <stdio.h>
#include <string.h>

#include "lx.h"
#include <kernel/linux/weft_ext.h>
#include <weft/katomic.h>

static struct xs {
	int state;                 /* 0: TASK_RUNNING */
	int atomic;                /* atomic-section depth */
	int set_what;              /* the section set atomic_what */
	struct weft_kevent ev;     /* schedule_timeout's deadline */
	struct weft_ktask *task;   /* current, for non-kthreads */
	/* The queue of the thread's open-coded wait (prepare_to_wait until
	 * finish_wait, add_wait_queue until remove_wait_queue), or NULL: a
	 * wake_up of it reads the state (waitq_open.c), so setting the
	 * state is a step on the queue too. */
	struct weft_waitq *oc_q;
	/* TIF_NOTIFY_SIGNAL, which kthread_stop sets (Linux 6.1 on) and
	 * nothing clears in a kthread: a signal is pending. */
	int notify;
} X[WEFT__MAX_THREADS];
static int xdirty = WEFT__MAX_THREADS;

static struct xs *xs_of(int id)
{
	if (id < 0)
		id = 0;
	if (id >= xdirty)
		xdirty = id + 1;
	return &X[id];
}

static int self_id(void)
{
	int id = weft__self();
	return id < 0 ? 0 : id;
}

struct weft_ktask *weft_kx_current(void)
{
	struct weft__lx_thread *me = weft__lx_me();
	int id = self_id();
	struct xs *x = xs_of(id);

	if (me->task)
		return me->task;
	if (!x->task) {
		x->task = weft__exec_alloc(sizeof *x->task);
		x->task->tid = id;
		x->task->name = weft__thread_name(id);
	}
	return x->task;
}

int weft_kx_pid(const struct weft_ktask *t)
{
	return t ? t->tid + 1 : 0;
}

void weft_kx_set_state(int state, const struct weft_loc *loc)
{
	struct xs *x = xs_of(self_id());

	/* In an open-coded wait a wake_up of the queue reads the state: a
	 * step on both. */
	struct weft__op op = { .name = "set_current_state", .obj = &x->state,
			       .obj2 = x->oc_q,
			       .objname = weft__thread_name(self_id()),
			       .access = WEFT__ACC_WRITE, .loc = loc };

	weft__visible(&op);
	x->state = state;
}

static bool woken(const struct weft__op *op)
{
	const struct xs *x = op->arg;
	return x->state == 0 || (op->arg2 && x->ev.fired);
}

static int sleep_waitdesc(const struct weft__op *op, char *buf, size_t n)
{
	const struct xs *x = op->arg;

	if (x->oc_q)
		snprintf(buf, n, "a wake_up of %s (it went on it with "
			 "prepare_to_wait or add_wait_queue), or a "
			 "wake_up_process() of this task",
			 weft__lx_waitq_name(x->oc_q));
	else
		snprintf(buf, n, "a wake_up_process() of this task");
	/* A timeout armed and not yet fired: the clock's thread ends the
	 * sleep too (a thread run alone keeps its turn through such a
	 * sleep, src/sched/slow.c). */
	if (op->arg2 && !x->ev.fired)
		return weft__lx_clock_tid();
	/* Otherwise, for a deadlock report, whose code would wake the
	 * queue (a wake_up_process() is not looked for). */
	if (x->oc_q)
		weft__lx_waker("wake_up", "wait queue",
			       weft__lx_waitq_name(x->oc_q), buf, n);
	return -1;
}

void weft__lx_task_sleep(const char *what, const struct weft_loc *loc)
{
	int id = self_id();
	struct xs *x = xs_of(id);
	struct weft__op op = { .name = what, .obj = &x->state,
			       .objname = weft__thread_name(id),
			       .access = WEFT__ACC_WRITE, .loc = loc,
			       .ready = woken, .waitdesc = sleep_waitdesc,
			       .arg = x };

	weft__visible(&op);
	x->state = 0;
}

long weft_kx_schedule(long timeout, const char *what,
		      const struct weft_loc *loc)
{
	int id = self_id();
	struct xs *x = xs_of(id);
	struct weft__op op = { .name = what, .obj = &x->state,
			       .objname = weft__thread_name(id),
			       .access = WEFT__ACC_WRITE, .loc = loc };
	unsigned long deadline = 0;

	weft_might_sleep(what, NULL, loc);
	if (timeout > 0) /* the deadline is on the clock */
		op.obj2 = &weft__lx_dom;
	weft__visible(&op);
	/* An interruptible sleep with a signal pending does not sleep
	 * (__schedule's signal_pending_state): after a kthread_stop, a
	 * kthread's TASK_INTERRUPTIBLE schedule() returns at once. */
	if (x->state == 0 || timeout == 0 ||
	    ((x->state & WEFT_WAKE_INTERRUPTIBLE) &&
	     weft__lx_task_notified(id))) {
		x->state = 0;
		return timeout < 0 ? 0 : timeout;
	}
	/* A signal that comes wakes the sleeper (signal_wake_up), which
	 * finds it pending when it looks. */
	if ((x->state & WEFT_WAKE_INTERRUPTIBLE) &&
	    weft__lx_signal_maybe(loc))
		x->state = 0;
	if (x->oc_q)
		weft__lx_waitq_sleeps(x->oc_q, loc);
	if (timeout > 0) {
		deadline = weft__lx_now() + (unsigned long)timeout;
		x->ev.fired = 0;
		/* An open-coded wait's timeout (prepare_to_wait, then this)
		 * is a step on the task's state when it fires, ordered
		 * both ways against the queue's try_to_wake_up: the order
		 * where the timeout comes first, with the condition still
		 * false, was never run (a review's probe).  Not a plain
		 * poll's, whom only wake_up_process wakes, which that step
		 * already orders (each poll round two steps more kept
		 * sleep_rounds_bug's deepening from its four rounds). */
		weft__lx_ev_arm(&x->ev, LX_EV_SLEEP, deadline,
				x->oc_q ? &x->state : NULL, loc);
		weft__lx_clock_need_thread(loc);
	}
	op.ready = woken;
	op.waitdesc = sleep_waitdesc;
	op.arg = x;
	op.arg2 = timeout > 0;
	weft__visible(&op);
	x->state = 0;
	if (timeout < 0)
		return 0;
	if (x->ev.fired) {
		/* Timed out: a round of a poll, as a pthread sleep's is
		 * (pthread/time.c); msleep's is not (ktime.c says why). */
		x->ev.fired = 0;
		weft__step_note("timeout");
		weft__yield_kept();
		return 0;
	}
	weft__lx_ev_disarm(&x->ev);
	{
		/* The kernel's expire - jiffies, 0 when woken at the
		 * deadline itself. */
		long left = (long)(deadline - weft__lx_now());
		return left > 0 ? left : 0;
	}
}

int weft_kx_cond_resched(const struct weft_loc *loc)
{
	weft_might_sleep("cond_resched", NULL, loc);
	weft_kbarrier("cond_resched", loc);
	/* A yield, as sched_yield is (weft_yield_at): a
	 * `while (!flag) cond_resched();` loop ran round after round while
	 * the thread that sets the flag waited, to the step limit. */
	weft__yield_kept();
	return 0;
}

/* try_to_wake_up: t's state set running in a step on it when the state
 * has one of the bits of states. */
static int wake_state(struct weft_ktask *t, unsigned int states,
		      const char *what, const struct weft_loc *loc)
{
	struct xs *x;
	int was;

	if (!t || t->tid < 0 || t->tid >= WEFT__MAX_THREADS)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s on a task that is not running", what);
	x = xs_of(t->tid);
	/* A kthread's task too, which its exit frees (kthread.c). */
	weft__visible(&(struct weft__op){ .name = what, .obj = &x->state,
					  .obj2 = t->fn ? t : NULL,
					  .objname = t->name,
					  .access = WEFT__ACC_WRITE, .loc = loc });
	weft__lx_task_use(t, what, loc);
	was = ((unsigned int)x->state & states) != 0;
	if (was)
		x->state = 0;
	return was;
}

int weft_kx_wake_up_process(struct weft_ktask *t, const struct weft_loc *loc)
{
	/* TASK_NORMAL, as the kernel's. */
	return wake_state(t, WEFT_WAKE_NORMAL, "wake_up_process", loc);
}

int weft_kx_wake_up_state(struct weft_ktask *t, unsigned int states,
			  const struct weft_loc *loc)
{
	return wake_state(t, states, "wake_up_state", loc);
}

/* kthread_stop() wakes its thread as wake_up_process() does, in its own
 * step, which touches this object too (kthread.c). */
const void *weft__lx_task_state_obj(int tid)
{
	return &xs_of(tid)->state;
}

void weft__lx_task_notify(int tid)
{
	xs_of(tid)->notify = 1;
}

bool weft__lx_task_notified(int tid)
{
	return xs_of(tid)->notify || weft__lx_signal_pending_user(tid);
}

int weft_kx_signal_pending(struct weft_ktask *t, const struct weft_loc *loc)
{
	struct xs *x;

	if (!t)
		return 0;
	x = xs_of(t->tid);
	weft__point("signal_pending", &x->state, t->name, WEFT__ACC_READ, loc);
	return x->notify || weft__lx_signal_pending_user(t->tid);
}

void weft__lx_task_wake(int tid)
{
	xs_of(tid)->state = 0;
}

int weft__lx_task_state(int tid)
{
	return xs_of(tid)->state;
}

void weft__lx_task_set_state(int tid, int state)
{
	xs_of(tid)->state = state;
}

void weft__lx_task_open_wait(int tid, struct weft_waitq *q)
{
	xs_of(tid)->oc_q = q;
}

/* Whether waking (or timing out) op's task now is a release: its sleep
 * could not return already.  A release may only enable what was
 * disabled before it (op.h): a sleeper whose timeout fired first could
 * return before the wake-up as well as after, and its timeout path with
 * the condition still false was never tried (an open-coded wait with
 * schedule_timeout woken by wake_up: a review's probe). */
static bool wake_releases(const struct weft__op *op)
{
	const struct xs *x = op->obj;

	return x->state != 0 && !x->ev.fired;
}

void weft__lx_task_wake_step(int tid, const struct weft_loc *loc)
{
	struct xs *x = xs_of(tid);
	struct weft__op op = { .name = "try_to_wake_up", .obj = &x->state,
			       .objname = weft__thread_name(tid),
			       .access = WEFT__ACC_WRITE, .release = true,
			       .release_now = wake_releases, .loc = loc };

	weft__visible(&op);
	x->state = 0;
}

/* Its release: the sleep could not return before (not woken yet). */
static bool timeout_releases(const struct weft__op *op)
{
	return ((const struct xs *)op->obj)->state != 0;
}

void weft__lx_task_timeout(void *owner)
{
	struct xs *x = owner;
	struct weft__op op = { .name = "timeout", .obj = &x->state,
			       .objname = weft__thread_name((int)(x - X)),
			       .access = WEFT__ACC_WRITE, .release = true,
			       .release_now = timeout_releases };

	weft__visible(&op);
}

void weft_kx_atomic(int delta, const char *what, const struct weft_loc *loc)
{
	struct weft__lx_thread *me = weft__lx_me();
	struct xs *x = xs_of(self_id());

	if (delta > 0) {
		if (x->atomic++ == 0 && !me->atomic_what) {
			me->atomic_what = what;
			/* A tasklet by its function (a work of the worker
			 * that runs it), not by weft's header's line. */
			me->atomic_name =
				!strcmp(what, "tasklet") && me->work
					? weft__internf("tasklet %s",
							me->work->name)
					: weft__internf("at %s",
							weft__lx_site(loc));
			x->set_what = 1;
		}
		return;
	}
	if (x->atomic <= 0)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s leaves an atomic section that "
			   "was never entered", what);
	if (--x->atomic == 0 && x->set_what) {
		me->atomic_what = NULL;
		me->atomic_name = NULL;
		x->set_what = 0;
	}
	weft__lx_rcu_implicit_end(loc);
}

void weft_kx_region_enter(const char *what, const struct weft_loc *loc)
{
	weft__lx_rcu_region_enter(what, loc);
}

int weft_kx_in_softirq(void)
{
	const struct weft__lx_thread *me = weft__lx_me();
	const struct xs *x = xs_of(self_id());

	/* A callback context (timer, RCU callback) set atomic_what itself;
	 * a tasklet is an atomic section named "tasklet".  A hard interrupt
	 * handler sets it too, but is not softirq context. */
	if (me->hardirq)
		return 0;
	if (me->atomic_what && !x->set_what)
		return 1;
	return me->atomic_what && !strcmp(me->atomic_what, "tasklet");
}

int weft_kx_atomic_depth(void)
{
	return xs_of(self_id())->atomic;
}

void weft__linux_ext_sched_begin(void)
{
	if (xdirty) /* an empty memset of an untouched page is slow (ctx.c) */
		memset(X, 0, sizeof X[0] * (size_t)xdirty);
	xdirty = 0;
}
