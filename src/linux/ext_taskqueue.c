/* src/linux/ext_taskqueue.c - FreeBSD taskqueue(9) over weft's
 * workqueues (include/kernel/sys/taskqueue.h).
 *
 * A task is a work item whose function reads and clears the task's
 * enqueue count in the step that starts it, and calls the task's
 * function with it; enqueueing counts first (a step on the workqueues'
 * object) and then queues the work, so a run that starts between the two
 * takes the count and the run queued after it finds none and is skipped:
 * every enqueue is followed by one call that counts it, as in FreeBSD.
 * A taskqueue's list is in priority order (weft__lx_task_link, called by
 * the workqueues' insertion for a queue marked bsd). */
#include <errno.h>

#include "freebsd/bsd.h"
#include "lx.h"
#include <weft/alloc.h>
#include <kernel/linux/weft_ext.h>
#include <weft/bsd.h>

static void task_run(struct weft_work *w)
{
	struct weft_bsd_task *t = (struct weft_bsd_task *)(void *)w;
	int pending = t->pending;
	/* The task may free itself: nothing of it is read after the call. */
	const char *name = w->name;
	const struct weft_loc *init = w->init;
	const struct weft_bsd_mtx *m;

	t->pending = 0;
	if (!pending)
		return;
	t->func(t->context, pending);
	/* A task that returns holding a mutex leaves the taskqueue thread
	 * holding it into its next TQ_SLEEP (WITNESS: sleeping with a mutex
	 * held) and every later taker blocked; weft reported it for callout
	 * handlers only and verified it for tasks (a FreeBSD probe).  The
	 * kernel locks (sx, rw) are checked by the worker after this. */
	m = weft__bsd_held_mtx();
	if (m)
		weft__fail(WEFT__K(MISUSE), m->m.acquired ? m->m.acquired : init,
			   "task %s returned holding %s", name,
			   weft__bsd_mtx_name(m));
}

/* taskqueue_enqueue_locked's order: a task goes before the first queued
 * task of lower priority (a higher ta_priority runs first; equal ones
 * stay in enqueueing order), but never ahead of the tasks a
 * taskqueue_drain_all found queued: its barrier task has the highest
 * priority, so later tasks go behind it.  (FreeBSD's insertion hint can
 * let a task pass the barrier in a rare case; that only makes the task
 * run sooner, so weft explores the later run, which code must expect.)
 * The queued tasks a barrier holds back form a prefix of the list: no
 * later task is ever put before one of them. */
void weft__lx_task_link(struct weft_wq *wq, struct weft_work *w)
{
	unsigned short prio = ((struct weft_bsd_task *)(void *)w)->priority;
	struct weft_work *prev = NULL, *x = wq->head;

	while (x && x->seq <= wq->bsd_barrier) {
		prev = x;
		x = x->next;
	}
	while (x && ((struct weft_bsd_task *)(void *)x)->priority >= prio) {
		prev = x;
		x = x->next;
	}
	w->next = x;
	if (prev)
		prev->next = w;
	else
		wq->head = w;
	if (!x)
		wq->tail = w;
}

void weft_bsd_task_init(struct weft_bsd_task *t, int priority,
			void (*func)(void *, int), void *context,
			const char *name, const struct weft_loc *loc)
{
	weft_work_init(&t->work, task_run, name, loc);
	t->func = func;
	t->context = context;
	t->pending = 0;
	t->priority = (unsigned short)priority;
}

struct weft_bsd_taskqueue *weft_bsd_taskqueue_create(const char *name,
						      const struct weft_loc *loc)
{
	struct weft_bsd_taskqueue *tq =
		weft_malloc_at(sizeof *tq, 1, "taskqueue_create", loc);

	tq->name = name;
	tq->wq = weft_wq_alloc(name, 0, 1, 1, loc);
	tq->wq->bsd = 1; /* its steps and threads get taskqueue(9)'s names */
	return tq;
}

/* taskqueue_thread, the system queue: one thread, so its tasks run one at
 * a time in priority order, as FreeBSD's; made at first use in an
 * execution, which never frees it (no leak). */
static struct weft_wq sys_wq;
static struct weft_bsd_taskqueue sys_tq;

void weft__linux_ext_taskqueue_begin(void)
{
	sys_tq.wq = NULL;
}

struct weft_bsd_taskqueue *weft_bsd_system_taskqueue(void)
{
	if (!sys_tq.wq) {
		sys_wq = (struct weft_wq){ .name = "taskqueue_thread",
					   .max_active = 1, .ordered = 1,
					   .is_static = 1, .bsd = 1 };
		sys_tq = (struct weft_bsd_taskqueue){
			.wq = &sys_wq, .name = "taskqueue_thread",
			.started = 1 };
	}
	return &sys_tq;
}

int weft_bsd_taskqueue_start_threads(struct weft_bsd_taskqueue *tq, int n,
				     const struct weft_loc *loc)
{
	weft__check_access(tq, sizeof *tq, true, loc);
	if (n < 1)
		n = 1;
	tq->wq->max_active = n;
	tq->wq->ordered = n == 1;
	tq->started = 1;
	return 0;
}

void weft_bsd_taskqueue_free(struct weft_bsd_taskqueue *tq,
			     const struct weft_loc *loc)
{
	weft__check_access(tq, sizeof *tq, true, loc);
	weft_wq_destroy(tq->wq, loc);
	weft_free_at(tq, loc);
}

int weft_bsd_taskqueue_enqueue(struct weft_bsd_taskqueue *tq,
			       struct weft_bsd_task *t,
			       const struct weft_loc *loc)
{
	weft__check_access(tq, sizeof *tq, false, loc);
	weft__point("taskqueue_enqueue", &weft__lx_dom, t->work.name,
		    WEFT__ACC_WRITE, loc);
	weft__check_access(t, sizeof *t, true, loc);
	if (t->pending < 0xffff)
		t->pending++;
	weft_work_queue(tq->wq, &t->work, loc);
	return 0;
}

/* FreeBSD's taskqueue_drain: `while (task->ta_pending != 0 ||
 * task_is_running(queue, task)) TQ_SLEEP(...)`.  The task counts as
 * pending from the enqueue's count (before its work is queued) until a run
 * takes the count, and as running in any of the queue's threads. */
static bool task_idle(const struct weft__op *op)
{
	const struct weft_bsd_task *t = op->arg;

	return !t->pending && !t->work.pending && !t->work.nrunning;
}

/* Waits until the task is neither pending nor running, so a run queued
 * while it waits (by the task itself, or by anyone) is waited for too.
 * It waited for the run queued when it began, as a flush_work, and
 * returned while the task, queued again by itself, still ran: freeing the
 * softc then was a false use-after-free (found by a probe of the FreeBSD
 * models). */
void weft_bsd_taskqueue_drain(struct weft_bsd_taskqueue *tq,
			      struct weft_bsd_task *t,
			      const struct weft_loc *loc)
{
	int giant;

	weft__check_access(tq, sizeof *tq, false, loc);
	/* The drain's TQ_SLEEP is a sleep, which drops Giant while it waits
	 * (DROP_GIANT in _sleep): a Giant holder draining a task that takes
	 * Giant was a false deadlock (a FreeBSD probe).  Giant goes before
	 * the drain's wait for the task's lock-order class, or that wait
	 * draws an edge from Giant, a false lock-order cycle; so it goes
	 * even when the task is idle and the kernel would not sleep, as in
	 * callout_drain. */
	giant = weft_bsd_giant_drop_at(loc);
	weft__lx_work_wait_as(&t->work, "taskqueue_drain", task_idle, loc);
	weft_bsd_giant_pickup_at(giant, loc);
}

/* Waits for the tasks queued or running when it begins (FreeBSD queues a
 * barrier task behind them and then waits for the running ones): tasks
 * posted after that "do not extend the wait time of taskqueue_drain_all()
 * and may complete after" it (taskqueue(9)), as a flush_workqueue, not a
 * drain_workqueue, which waited for a task that a running task posted too
 * (a use after the drain was verified; found by a probe of the FreeBSD
 * models). */
void weft_bsd_taskqueue_drain_all(struct weft_bsd_taskqueue *tq,
				  const struct weft_loc *loc)
{
	int giant;

	weft__check_access(tq, sizeof *tq, false, loc);
	/* Giant goes while it waits, as in taskqueue_drain. */
	giant = weft_bsd_giant_drop_at(loc);
	weft_wq_flush(tq->wq, loc);
	weft_bsd_giant_pickup_at(giant, loc);
}

int weft_bsd_taskqueue_cancel(struct weft_bsd_taskqueue *tq,
			      struct weft_bsd_task *t, unsigned int *pendp,
			      const struct weft_loc *loc)
{
	int busy;

	weft__check_access(tq, sizeof *tq, false, loc);
	weft_work_cancel(&t->work, 0, loc);
	busy = t->work.runner != 0;
	if (pendp)
		*pendp = (unsigned int)t->pending;
	t->pending = 0;
	return busy ? EBUSY : 0;
}
