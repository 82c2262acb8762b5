/* src/linux/wq_wait.c - waiting for works: flush_work, cancel_work(_sync),
 * flush_workqueue, drain_workqueue, and delayed works.
 *
 * A work's queueings are numbered (nqueued); ndone counts the instances
 * that finished, whether they ran or were cancelled.  Flushing waits for
 * the instance that was last queued (or is running) when the flush began,
 * so a requeue after that point is not waited for, as in the kernel.
 * tasklet_kill waits as cancel_work_sync does (tasklet.c). */
#include <limits.h>
#include <stddef.h>
#include <stdio.h>

#include "lx.h"
#include <kernel/linux/weft_ext.h>

static struct weft_dwork *dwork_of(struct weft_work *w)
{
	return (struct weft_dwork *)((char *)w - offsetof(struct weft_dwork,
							  work));
}

static bool delay_armed(const struct weft_work *w)
{
	return w->delayed && dwork_of((struct weft_work *)w)->timer.ev.armed;
}

/* ---- wait descriptions for deadlock reports ----------------------------- */

static int blame_running(const struct weft_wq *wq, char *buf, size_t n,
			 const char *prefix)
{
	for (int k = 0; k < wq->nworkers; k++)
		if (wq->cur[k]) {
			snprintf(buf, n, "%sbehind %s %s, running in %s",
				 prefix, wq->bsd ? "task" : "work",
				 wq->cur[k]->name,
				 weft__lx_tname(wq->cur[k]->runner - 1));
			return wq->cur[k]->runner - 1;
		}
	snprintf(buf, n, "%s(no worker can run it)", prefix);
	return -1;
}

static int describe_work(const struct weft_work *w, char *buf, size_t n)
{
	/* A FreeBSD task is a work of a taskqueue's queue. */
	const char *noun = w->wq && w->wq->bsd ? "task" : "work";
	char pre[160];

	if (w->runner) {
		snprintf(buf, n, "%s %s, running in %s", noun, w->name,
			 weft__lx_tname(w->runner - 1));
		return w->runner - 1;
	}
	if (delay_armed(w) && dwork_of((struct weft_work *)w)->timer.ev.fires >=
			      WEFT_TIMER_REFIRE_BOUND) {
		weft__wait_on_bound();
		snprintf(buf, n, "work %s, whose delay timer is armed but, "
			 "re-armed by the work %d times (WEFT_TIMER_REFIRE_BOUND), "
			 "is not fired again in one execution: a wait for it is "
			 "weft's bound, not necessarily a deadlock", w->name,
			 WEFT_TIMER_REFIRE_BOUND);
		return -1;
	}
	if (delay_armed(w)) {
		snprintf(buf, n, "work %s, whose delay timer is armed", w->name);
		return -1;
	}
	if (w->rcu_wait) {
		snprintf(buf, n, "work %s, which queue_rcu_work queues after a "
			 "grace period", w->name);
		return -1;
	}
	snprintf(pre, sizeof pre, "%s %s, pending on %s ", noun, w->name,
		 w->wq ? w->wq->name : "?");
	return w->wq ? blame_running(w->wq, buf, n, pre) : -1;
}

int weft__lx_work_waitdesc(const struct weft__op *op, char *buf, size_t n)
{
	return describe_work(op->arg, buf, n);
}

/* ---- flush_work / cancel ------------------------------------------------- */

/* A work of a WQ_MEM_RECLAIM queue that waits for a queue without it
 * (the queue's works, or one work on it) may wait forever when memory is
 * short: its own queue's rescuer runs it, but nothing guarantees the
 * other queue a worker.  The kernel warns (check_flush_dependency:
 * "WQ_MEM_RECLAIM ... is flushing !WQ_MEM_RECLAIM ..."), except for the
 * old create_workqueue family; the flag was accepted and ignored, and
 * such a flush verified (a probe of kernel patterns). */
static void flush_dependency_check(const struct weft_wq *target,
				   const char *what, const char *name,
				   const struct weft_loc *loc)
{
	const struct weft__lx_thread *me = weft__lx_me();

	if (!target || (target->flags & WEFT_WQ_MEM_RECLAIM) || !me->wq ||
	    !me->work || (me->wq->flags & (WEFT_WQ_MEM_RECLAIM |
					    WEFT_WQ_LEGACY)) !=
				 WEFT_WQ_MEM_RECLAIM)
		return;
	weft__fail(WEFT__K(MISUSE), loc,
		   "work %s of WQ_MEM_RECLAIM workqueue %s waits in %s(%s) for "
		   "workqueue %s, which is not WQ_MEM_RECLAIM: when memory is "
		   "short only the first has a rescuer, and the wait may never "
		   "end (the kernel warns: check_flush_dependency)",
		   me->work->name, me->wq->name, what, name, target->name);
}

static bool instance_done(const struct weft__op *op)
{
	const struct weft_work *w = op->arg;
	return (long)(w->ndone - (unsigned long)op->arg2) >= 0;
}

/* Flushing waits for the work and, on an ordered queue, for the works
 * ahead of it: edges from every held lock to the queue's class too.  A
 * queue with a rescuer (WQ_MEM_RECLAIM) counts as ordered here, as in
 * lockdep's start_flush_work: when memory is short its rescuer runs the
 * queue's works one at a time, and the flushed work may wait behind one
 * that waits for a lock the flusher holds (this was verified, found by a
 * probe of kernel deadlocks). */
static void wait_edges_ordered(const struct weft_work *w,
			       const struct weft_loc *loc)
{
	if (w->wq && (w->wq->max_active == 1 ||
		      (w->wq->flags & WEFT_WQ_MEM_RECLAIM)))
		weft__wait_on_class(weft__lx_wq_class(w->wq), loc);
}

int weft__lx_work_flush_as(struct weft_work *w, const char *name,
			   const struct weft_loc *loc)
{
	return weft__lx_work_wait_as(w, name, NULL, loc);
}

int weft__lx_work_wait_as(struct weft_work *w, const char *name,
			  bool (*idle)(const struct weft__op *),
			  const struct weft_loc *loc)
{
	struct weft__op op = { .name = name, .obj = &weft__lx_dom,
			       .access = WEFT__ACC_READ, .arg = w,
			       .waitdesc = weft__lx_work_waitdesc, .loc = loc };

	weft__lx_work_check_init(w, name, loc);
	op.objname = w->name;
	weft_might_sleep(op.name, w->name, loc);
	if (idle)
		weft__wait_on_class(weft__lx_work_class(w), loc);
	weft__visible(&op);
	/* The queue the work is on is read at the step, not before it: the
	 * state may change between the op's posting and its step (a
	 * taskqueue_drain from a task was named flush_work, its task not
	 * yet queued when the task's thread posted it; a probe of the
	 * FreeBSD models). */
	flush_dependency_check(w->wq, name, w->name, loc);
	weft__check_access(w, sizeof *w, false, loc);
	/* taskqueue_drain waits until its condition holds, however often
	 * the task is queued again meanwhile (see ext_taskqueue.c). */
	if (idle) {
		wait_edges_ordered(w, loc);
		if (idle(&op))
			return 0;
		op.ready = idle;
		weft__visible(&op);
		return 1;
	}
	/* A delayed work whose delay timer is still armed is not on any
	 * queue yet, and the kernel's flush_work() does not wait for it (it
	 * finds no pool_workqueue in the work's data); only an instance
	 * running now is waited for.  flush_delayed_work() queues it first,
	 * flush_rcu_work() waits for the grace period first.  So for an
	 * rcu_work before its grace period has passed. */
	if (w->pending && !delay_armed(w) && !w->rcu_wait)
		op.arg2 = (long)w->nqueued;
	else if (w->runner)
		op.arg2 = (long)(w->ndone + 1);
	else
		return 0;
	/* Only a flush that finds the work pending or running waits for
	 * it, and only then does it order the held locks before the work
	 * (as lockdep since Linux 6.9: __flush_work touches the work's map
	 * after start_flush_work found it, not on the already-gone path).
	 * A flush of an idle work under a lock the work takes was reported
	 * lock-order although nothing could be waited for; a schedule in
	 * which it is pending is one the search runs (the step reads what
	 * queue_work writes). */
	weft__wait_on_class(weft__lx_work_class(w), loc);
	wait_edges_ordered(w, loc);
	op.ready = instance_done;
	weft__visible(&op);
	return 1;
}

int weft_work_flush(struct weft_work *w, const struct weft_loc *loc)
{
	return weft__lx_work_flush_as(w, "flush_work", loc);
}

/* Take a pending work off its queue or stop its delay timer.  Called in a
 * step on weft__lx_dom.  Returns 1 when it was pending. */
static int grab_pending(struct weft_work *w)
{
	if (!w->pending)
		return 0;
	if (w->delayed && weft__lx_ev_disarm(&dwork_of(w)->timer.ev))
		;
	else if (w->wq) {
		weft__lx_wq_unlink(w->wq, w);
		w->next = NULL;
	}
	w->pending = 0;
	w->ndone++;
	return 1;
}

/* An rcu_work waiting for its grace period is pending but on no queue:
 * the kernel's try_to_grab_pending answers -EAGAIN and the cancel tries
 * again until the RCU callback has queued it. */
static bool not_rcu_waiting(const struct weft__op *op)
{
	const struct weft_work *w = op->arg;
	return !w->rcu_wait;
}

bool weft__lx_work_not_running(const struct weft__op *op)
{
	const struct weft_work *w = op->arg;
	return !w->runner;
}

static const char *const cancel_names[2][2][2] = {
	{ { "cancel_work", "cancel_work_sync" },
	  { "cancel_delayed_work", "cancel_delayed_work_sync" } },
	{ { "disable_work", "disable_work_sync" },
	  { "disable_delayed_work", "disable_delayed_work_sync" } },
};

/* cancel_work and disable_work, sync or not: disabling counts up in the
 * step that takes the work off its queue, so a queueing that runs after
 * that step fails and one before it is cancelled. */
static int cancel(struct weft_work *w, int sync, bool disable,
		  const struct weft_loc *loc)
{
	const char *name = cancel_names[disable][w->delayed != 0][sync != 0];
	struct weft__op op = { .name = name, .obj = &weft__lx_dom,
			       .access = WEFT__ACC_WRITE, .arg = w,
			       .waitdesc = weft__lx_work_waitdesc, .loc = loc };
	int was;

	weft__lx_work_check_init(w, name, loc);
	op.objname = w->name;
	if (sync) {
		flush_dependency_check(w->wq, name, w->name, loc);
		weft_might_sleep(name, w->name, loc);
	}
	op.ready = not_rcu_waiting;
	weft__visible(&op);
	op.ready = NULL;
	weft__check_access(w, sizeof *w, true, loc);
	/* A sync cancel orders the held locks before the work only when it
	 * finds the work pending or running, as flush_work does (above); an
	 * idle work's cancel waits for nothing. */
	if (sync && (w->pending || w->runner))
		weft__wait_on_class(weft__lx_work_class(w), loc);
	if (disable && w->disable == USHRT_MAX)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s(%s): the work's disable count overflows", name,
			   w->name);
	w->disable = (unsigned short)(w->disable + disable);
	was = grab_pending(w);
	weft__step_note(was ? "was pending" : "was idle");
	if (!sync || !w->runner)
		return was;
	/* While we wait, queueing attempts fail, as the kernel keeps the
	 * PENDING bit for the canceller. */
	w->canceling = 1;
	op.ready = weft__lx_work_not_running;
	weft__visible(&op);
	w->canceling = 0;
	return was;
}

int weft_work_cancel(struct weft_work *w, int sync, const struct weft_loc *loc)
{
	return cancel(w, sync, false, loc);
}

int weft_work_disable(struct weft_work *w, int sync,
		      const struct weft_loc *loc)
{
	return cancel(w, sync, true, loc);
}

int weft_work_enable(struct weft_work *w, const struct weft_loc *loc)
{
	const char *name = w->delayed ? "enable_delayed_work" : "enable_work";

	weft__lx_work_check_init(w, name, loc);
	weft__point(name, &weft__lx_dom, w->name, WEFT__ACC_WRITE, loc);
	weft__check_access(w, sizeof *w, true, loc);
	if (!w->disable)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s(%s) of a work that is not disabled (the kernel "
			   "warns: its disable count underflows)", name,
			   w->name);
	w->disable--;
	return w->disable == 0;
}

/* ---- flush_workqueue / drain_workqueue ----------------------------------- */

static bool wq_flushed(const struct weft__op *op)
{
	const struct weft_wq *wq = op->arg;
	unsigned long target = (unsigned long)op->arg2;

	for (const struct weft_work *w = wq->head; w; w = w->next)
		if (w->seq <= target)
			return false;
	for (int k = 0; k < wq->nworkers; k++)
		if (wq->cur[k] && wq->cur[k]->run_seq <= target)
			return false;
	return true;
}

static bool wq_drained(const struct weft__op *op)
{
	const struct weft_wq *wq = op->arg;
	return !wq->head && wq->nactive == 0;
}

static int wq_waitdesc(const struct weft__op *op, char *buf, size_t n)
{
	const struct weft_wq *wq = op->arg;
	unsigned long target = op->ready == wq_drained ? (unsigned long)-1
						       : (unsigned long)op->arg2;

	for (int k = 0; k < wq->nworkers; k++)
		if (wq->cur[k] && wq->cur[k]->run_seq <= target)
			return describe_work(wq->cur[k], buf, n);
	for (const struct weft_work *w = wq->head; w; w = w->next)
		if (w->seq <= target)
			return describe_work(w, buf, n);
	snprintf(buf, n, "workqueue %s", wq->name);
	return -1;
}

static void wq_wait(struct weft_wq *wq, bool drain, const struct weft_loc *loc)
{
	/* taskqueue_free drains its queue (the trace named it
	 * taskqueue_drain_all). */
	const char *name = wq->bsd ? (drain ? "taskqueue_free"
					    : "taskqueue_drain_all")
			   : drain ? "drain_workqueue"
				   : "flush_workqueue";
	const struct weft__lx_thread *me = weft__lx_me();
	struct weft__op op = { .name = name, .obj = &weft__lx_dom,
			       .objname = wq->name, .access = WEFT__ACC_WRITE,
			       .arg = wq, .waitdesc = wq_waitdesc, .loc = loc };

	weft__check_access(wq, sizeof *wq, true, loc);
	flush_dependency_check(wq, name, wq->name, loc);
	weft_might_sleep(name, wq->name, loc);
	if (me->wq == wq)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s(%s) from work %s running on it "
			   "waits for itself", name, wq->name, me->work->name);
	weft__wait_on_class(weft__lx_wq_class(wq), loc);
	weft__visible(&op);
	weft__check_access(wq, sizeof *wq, true, loc);
	op.arg2 = (long)wq->seq;
	/* taskqueue_drain_all puts a barrier behind the tasks queued now,
	 * which no task queued later passes, whatever its priority
	 * (weft__lx_task_link); taskqueue_free's drain runs them all. */
	if (wq->bsd && !drain)
		wq->bsd_barrier = wq->seq;
	if (drain)
		wq->draining = 1;
	op.ready = drain ? wq_drained : wq_flushed;
	weft__visible(&op);
	if (drain)
		wq->draining = 0;
}

void weft_wq_flush(struct weft_wq *wq, const struct weft_loc *loc)
{
	wq_wait(wq, false, loc);
}

void weft_wq_drain(struct weft_wq *wq, const struct weft_loc *loc)
{
	wq_wait(wq, true, loc);
}

/* ---- delayed work --------------------------------------------------------- */

/* A delayed work is in use while its work is, or its timer armed. */
static const char *dwork_busy(const void *obj)
{
	const struct weft_dwork *d = obj;

	if (d->timer.ev.armed)
		return weft__internf("delayed work %s has its timer still armed",
				     d->work.name);
	return weft__lx_work_busy(&d->work);
}

void weft_dwork_init(struct weft_dwork *d, void (*fn)(struct weft_work *),
		     const char *name, const struct weft_loc *loc)
{
	weft_work_init(&d->work, fn, name, loc);
	d->work.delayed = 1;
	d->timer = (struct weft_timer){ .name = name, .init = loc };
	d->wq = NULL;
	d->cpu = -1;
	weft__frame_obj_init(d, sizeof *d, &dwork_busy, dwork_busy, loc);
}

int weft_dwork_queue(struct weft_wq *wq, struct weft_dwork *d,
		     unsigned long delay, int mod, const struct weft_loc *loc)
{
	struct weft_work *w = &d->work;
	int was;

	weft__lx_work_check_init(w, mod ? "mod_delayed_work" : "queue_delayed_work",
			   loc);
	weft__check_access(wq, sizeof *wq, true, loc);
	weft__point(mod ? "mod_delayed_work" : "queue_delayed_work", &weft__lx_dom,
		    w->name, WEFT__ACC_WRITE, loc);
	weft__check_access(d, sizeof *d, true, loc);
	weft__check_access(wq, sizeof *wq, true, loc);
	if (w->disable) {
		/* mod_delayed_work too: a disabled work is never pending, so
		 * there is nothing to re-arm and nothing was pending. */
		weft__step_note("disabled");
		return 0;
	}
	if (w->canceling)
		return 0;
	if (w->pending && !mod) {
		weft__step_note("already pending");
		return 0;
	}
	was = grab_pending(w);
	w->pending = 1;
	w->nqueued++;
	w->cause = weft__lx_me()->cause;
	d->wq = wq;
	w->wq = wq;
	if (!delay) {
		weft__lx_wq_insert(wq, w, weft__lx_queue_cpu(d->cpu), loc);
		weft__lx_wq_spawn_if_needed(wq, loc);
		return mod ? was : 1;
	}
	weft__lx_ev_arm(&d->timer.ev, LX_EV_DWORK, weft__lx_now() + delay, d, loc);
	weft__lx_clock_need_thread(loc);
	return mod ? was : 1;
}

int weft_dwork_flush(struct weft_dwork *d, const struct weft_loc *loc)
{
	struct weft_work *w = &d->work;

	weft__lx_work_check_init(w, "flush_delayed_work", loc);
	weft__point("flush_delayed_work", &weft__lx_dom, w->name, WEFT__ACC_WRITE,
		    loc);
	weft__check_access(d, sizeof *d, true, loc);
	/* An armed delay is cut short: the work is queued now. */
	if (weft__lx_ev_disarm(&d->timer.ev)) {
		weft__lx_wq_insert(d->wq, w, weft__lx_queue_cpu(d->cpu), loc);
		weft__lx_wq_spawn_if_needed(d->wq, loc);
	}
	return weft_work_flush(w, loc);
}
