/* src/linux/workqueue.c - workqueues: queueing, creation and
 * destruction.  The workers are in wq_worker.c, waiting (flush, cancel)
 * in wq_wait.c.
 *
 * All workqueue and work state is one object for partial-order reduction
 * (weft__lx_dom, shared with the clock), because queueing reads and writes the
 * work and the queue at once and delayed work moves between the clock and
 * a queue.  Workers are daemon threads; each worker slot takes the first
 * runnable work, and only the lowest idle slot is enabled, so equivalent
 * assignments of works to interchangeable workers are not explored twice. */
#include <stdio.h>
#include <string.h>

#include "lx.h"
#include <weft/kmem.h>

/* Lock-class keys of allocated workqueues (weft__lx_wq_class): one per
 * place and queue made there, in order, so the n-th queue a place makes
 * has the same key in every execution.  The table lasts; made_at says
 * which keys this execution has used. */
#define MAX_WQ_KEYS 256
static const struct weft_loc *wq_keys[MAX_WQ_KEYS]; /* each key's place */
static int nwq_keys;
static bool made_at[MAX_WQ_KEYS];

struct weft_wq weft_system_wq, weft_system_unbound_wq, weft_system_long_wq,
	weft_system_highpri_wq, weft_system_bh_wq;

/* The queues used in this execution, for their workers (wq_worker.c). */
struct weft_wq *weft__lx_wq_registry;

static void sys_init(struct weft_wq *wq, const char *name, unsigned flags)
{
	*wq = (struct weft_wq){ .name = name, .max_active = 256,
				.flags = flags, .is_static = 1 };
}

void weft__lx_wq_begin(void)
{
	weft__lx_wq_registry = NULL;
	/* Only the keys made so far: clearing the whole table was 0.5 % of
	 * the core workload's time, which makes no workqueue. */
	memset(made_at, 0, sizeof made_at[0] * (size_t)nwq_keys);
	weft__lx_wq_workers_begin();
	weft__lx_wq_cpu_begin();
	sys_init(&weft_system_wq, "system_wq", 0);
	/* Unbound, as the kernel's (WQ_UNBOUND): its works run on no CPU
	 * of their own, so smp_processor_id() in one is misuse. */
	sys_init(&weft_system_unbound_wq, "system_unbound_wq",
		 WEFT_WQ_UNBOUND);
	sys_init(&weft_system_long_wq, "system_long_wq", 0);
	sys_init(&weft_system_highpri_wq, "system_highpri_wq", 0);
	sys_init(&weft_system_bh_wq, "system_bh_wq", WEFT_WQ_BH);
}

void weft__lx_wq_reg(struct weft_wq *wq)
{
	if (wq->registered)
		return;
	wq->registered = 1;
	wq->next_wq = weft__lx_wq_registry;
	weft__lx_wq_registry = wq;
}

static void unreg(struct weft_wq *wq)
{
	for (struct weft_wq **p = &weft__lx_wq_registry; *p; p = &(*p)->next_wq)
		if (*p == wq) {
			*p = wq->next_wq;
			break;
		}
	wq->registered = 0;
}

/* A workqueue's lock class is its own, as lockdep's has been since Linux
 * 5.1 (alloc_workqueue registers a key per queue), the same in every
 * execution: the key of the place's next queue (the place's own class
 * when the table is full).  Keyed by the place alone, two queues made by
 * one helper were one class, and holding a mutex that one queue's work
 * takes while flushing the other was a lock-order bug (found by a probe
 * of kernel deadlocks). */
static const void *wq_key(const struct weft_loc *loc)
{
	for (int i = 0; i < nwq_keys; i++)
		if (wq_keys[i] == loc && !made_at[i]) {
			made_at[i] = true;
			return &wq_keys[i];
		}
	if (nwq_keys == MAX_WQ_KEYS)
		return loc;
	wq_keys[nwq_keys] = loc;
	made_at[nwq_keys] = true;
	return &wq_keys[nwq_keys++];
}

int weft__lx_wq_class(struct weft_wq *wq)
{
	if (!wq->cls)
		wq->cls = weft__class(wq->cls_key ? wq->cls_key
						  : (const void *)wq,
				      wq->name ? wq->name : "workqueue") + 1;
	return wq->cls - 1;
}

int weft__lx_work_class(struct weft_work *w)
{
	if (!w->cls)
		w->cls = weft__class(weft__class_key_for(w, w->init),
				     w->name ? w->name : "work") + 1;
	return w->cls - 1;
}

/* How many works of a queue may run at once: on an unbound queue, in
 * all; on a per-CPU one, on each CPU (first_runnable in wq_worker.c). */
static int limit_of(int max_active, int ordered)
{
	if (ordered)
		return 1;
	return max_active <= 0 ? 256 : max_active;
}

/* Whether a worker of wq runs w now.  A work runs once at a time on
 * each queue (the kernel queues an instance on the pool that still runs
 * one); on two queues, two instances may run at once. */
bool weft__lx_wq_runs_here(const struct weft_wq *wq, const struct weft_work *w)
{
	for (int k = 0; k < wq->nworkers; k++)
		if (wq->cur[k] == w)
			return true;
	return false;
}

/* A queue's block is named after the queue too: a use after
 * destroy_workqueue was "alloc_workqueue#1", and the reader had to find
 * which.  The names are kept from one execution to the next (formatting
 * one at every allocation was 2% of the kernel benchmark's
 * instructions), each checked against the name given. */
#define KEPT_NAMES 16
static struct {
	char *name, *block;
} kept[KEPT_NAMES];

static const char *block_name(const char *name)
{
	size_t n;
	int i;

	if (!name)
		return "alloc_workqueue";
	for (i = 0; i < KEPT_NAMES && kept[i].name; i++)
		if (strcmp(kept[i].name, name) == 0)
			return kept[i].block;
	n = strlen(name);
	if (i == KEPT_NAMES || n > 64)
		return weft__internf("alloc_workqueue(%s)", name);
	kept[i].name = weft__persistent_alloc(2 * n + 20);
	memcpy(kept[i].name, name, n + 1);
	kept[i].block = kept[i].name + n + 1;
	snprintf(kept[i].block, n + 19, "alloc_workqueue(%s)", name);
	return kept[i].block;
}

struct weft_wq *weft_wq_alloc(const char *name, unsigned int flags,
			      int max_active, int ordered,
			      const struct weft_loc *loc)
{
	struct weft_wq *wq;

	max_active = limit_of(max_active, ordered);
	wq = weft__malloc(sizeof *wq, true, block_name(name), loc);
	*wq = (struct weft_wq){ .name = name, .max_active = max_active,
				.flags = flags, .ordered = ordered,
				.alloc_loc = loc, .cls_key = wq_key(loc) };
	weft__lx_wq_reg(wq);
	return wq;
}

void weft_wq_set_max_active(struct weft_wq *wq, int max_active,
			    const struct weft_loc *loc)
{
	weft__check_access(wq, sizeof *wq, true, loc);
	/* The kernel warns and leaves an ordered queue alone. */
	if (wq->ordered)
		return;
	wq->max_active = limit_of(max_active, 0);
	/* Works already queued may start now. */
	weft__lx_wq_spawn_if_needed(wq, loc);
}

void weft_work_init(struct weft_work *w, void (*fn)(struct weft_work *),
		    const char *name, const struct weft_loc *loc)
{
	/* Only for memory weft knows to start each execution clean (the
	 * heap's blocks, the program's static data): a work on a stack may
	 * lie over an old one's bytes.  A work's own function may set it up
	 * anew for a next stage: no bug.  Setting a work up again is a step
	 * against the queue's operations, so that the explorer tries it
	 * after another thread queued the work too (as a plain call it came
	 * first in every execution, and a second INIT_WORK of a work another
	 * thread may queue was verified; found by a probe of kernel
	 * patterns).  The first costs nothing: no queue may use a work
	 * before it. */
	bool known = weft__lx_known_mem(w);

	if (known && w->magic == WEFT_WORK_MAGIC && weft__self() >= 0)
		weft__point("INIT_WORK", &weft__lx_dom, name, WEFT__ACC_WRITE,
			    loc);
	if (known && w->magic == WEFT_WORK_MAGIC &&
	    (w->pending || (w->runner && w->runner != weft__self() + 1)))
		weft__fail(WEFT__K(MISUSE), loc,
			   "INIT_WORK on work %s while it is "
			   "%s", w->name, w->pending ? "pending" : "running");
	*w = (struct weft_work)WEFT_WORK_INIT(fn, name);
	w->init = loc;
	weft__frame_obj_init(w, sizeof *w, &weft__lx_work_busy,
			     weft__lx_work_busy, loc);
}

/* Only pending: a running work's function may let its frame's owner go
 * on (its last step a complete()), and nothing reads the work after the
 * function returns, in the kernel as here. */
const char *weft__lx_work_busy(const void *obj)
{
	const struct weft_work *w = obj;

	if (w->pending)
		return weft__internf("work %s is still pending", w->name);
	return NULL;
}

void weft__lx_work_check_init(struct weft_work *w, const char *what,
			const struct weft_loc *loc)
{
	weft__check_access(w, sizeof *w, true, loc);
	weft__frame_obj_use(w, NULL, true, loc);
	if (w->magic != WEFT_WORK_MAGIC || !w->func)
		weft__fail(WEFT__K(MISUSE), loc, "%s on a work that was never "
			   "initialised with INIT_WORK", what);
}

void weft__lx_wq_insert(struct weft_wq *wq, struct weft_work *w, int cpu,
			const struct weft_loc *loc)
{
	const struct weft__lx_thread *me = weft__lx_me();

	/* Only tasklet_schedule holds a work (tasklet.c), after this. */
	w->bh_holder = 0;
	/* After the step too: the frame holding the work may have
	 * returned since the check before it. */
	weft__frame_obj_use(w, NULL, true, loc);
	weft__check_access(wq, sizeof *wq, true, loc);
	if (wq->draining && !(me->wq == wq && me->work))
		weft__fail(WEFT__K(MISUSE), loc,
			   "work %s queued on workqueue %s while it is being "
			   "destroyed; only its own works may queue onto it "
			   "then", w->name, wq->name);
	weft__lx_wq_reg(wq);
	/* Before w is on the queue: its tag is not yet one to choose. */
	cpu = weft__lx_wq_settle_cpu(wq, cpu);
	w->wq = wq;
	w->next = NULL;
	if (wq->bsd && weft__lx_task_link) {
		weft__lx_task_link(wq, w);
	} else {
		if (wq->tail)
			wq->tail->next = w;
		else
			wq->head = w;
		wq->tail = w;
	}
	w->seq = ++wq->seq;
	w->queued_at = loc;
	w->cpu = cpu;
	weft__sched_wake(&wq->idle);
}


int weft_work_queue(struct weft_wq *wq, struct weft_work *w,
		    const struct weft_loc *loc)
{
	return weft_work_queue_on(wq, w, -1, loc);
}

int weft_work_queue_on(struct weft_wq *wq, struct weft_work *w, int cpu,
		       const struct weft_loc *loc)
{
	return weft__lx_work_queue_held(wq, w, cpu, 0, loc);
}

int weft__lx_work_queue_held(struct weft_wq *wq, struct weft_work *w,
			     int cpu, int holder, const struct weft_loc *loc)
{
	weft__lx_work_check_init(w, "queue_work", loc);
	weft__check_access(wq, sizeof *wq, true, loc);
	weft__point(wq->bsd ? "task_queued" : "queue_work", &weft__lx_dom,
		    w->name, WEFT__ACC_WRITE, loc);
	/* again at the step: either may have been freed meanwhile */
	weft__check_access(w, sizeof *w, true, loc);
	weft__check_access(wq, sizeof *wq, true, loc);
	if (w->disable) {
		weft__step_note("disabled");
		return 0;
	}
	if (w->pending || w->canceling) {
		weft__step_note("already pending");
		return 0;
	}
	w->pending = 1;
	w->nqueued++;
	w->cause = weft__lx_me()->cause;
	weft__lx_wq_insert(wq, w, weft__lx_queue_cpu(cpu), loc);
	/* Before the spawn: a new worker takes its first step there. */
	w->bh_holder = holder;
	weft__lx_wq_spawn_if_needed(wq, loc);
	return 1;
}

int weft_work_pending(struct weft_work *w, const struct weft_loc *loc)
{
	weft__check_access(w, sizeof *w, false, loc);
	weft__point("work_pending", &weft__lx_dom, w->name, WEFT__ACC_READ, loc);
	weft__check_access(w, sizeof *w, false, loc);
	return w->pending;
}

static bool stopped(const struct weft__op *op)
{
	const struct weft_wq *wq = op->arg;
	return wq->nalive == 0;
}

void weft_wq_destroy(struct weft_wq *wq, const struct weft_loc *loc)
{
	const struct weft__lx_thread *me = weft__lx_me();
	struct weft__op op;
	struct weft_dwork *d;

	weft__check_access(wq, sizeof *wq, true, loc);
	if (wq->is_static)
		weft__fail(WEFT__K(MISUSE), loc,
			   "destroy_workqueue(%s): a system "
			   "workqueue cannot be destroyed", wq->name);
	if (me->wq == wq)
		weft__fail(WEFT__K(MISUSE), loc,
			   "destroy_workqueue(%s) from work %s "
			   "running on it waits for itself", wq->name,
			   me->work->name);
	weft_wq_drain(wq, loc);
	d = weft__lx_ev_dwork_for(wq);
	if (d)
		weft__fail(WEFT__K(MISUSE), loc,
			   "destroy_workqueue(%s) while delayed work %s (queued "
			   "at %s) is still armed: it would be queued onto the "
			   "freed workqueue", wq->name, d->work.name,
			   weft__lx_site(d->timer.ev.armed_at));
	op = (struct weft__op){ .name = wq->bsd ? "taskqueue_free"
						: "destroy_workqueue",
				.obj = &weft__lx_dom,
				.objname = wq->name,
				.access = WEFT__ACC_WRITE, .loc = loc };
	weft__visible(&op);
	wq->stopping = 1;
	weft__sched_wake(&wq->idle);
	op.ready = stopped;
	op.arg = wq;
	weft__visible(&op);
	wq->dead = 1;
	unreg(wq);
	weft__free(wq, "destroy_workqueue", loc);
}

/* Works still queued or running when the test ends would run after their
 * owner is gone. */
void weft__lx_wq_end_check(void)
{
	for (struct weft_wq *wq = weft__lx_wq_registry; wq; wq = wq->next_wq) {
		/* A pending work in freed memory runs on it: a use after
		 * free, not a leak (a delayed work freed while pending was
		 * reported as a leak once its timer had fired). */
		for (struct weft_work *w = wq->head; w; w = w->next)
			weft__lx_freed_armed(w, w->queued_at, "work", w->name);
		if (wq->head)
			weft__fail(WEFT__K(LEAK), wq->head->queued_at,
				   "work %s is still pending on %s at the end "
				   "of the test", wq->head->name, wq->name);
		for (int k = 0; k < wq->nworkers; k++)
			if (wq->cur[k])
				weft__fail(WEFT__K(LEAK), wq->cur[k]->queued_at,
					   "work %s is still running in %s at "
					   "the end of the test",
					   wq->cur[k]->name,
					   weft__lx_tname(wq->cur[k]->runner - 1));
	}
}
