/* src/linux/wq_worker.c - the workers of workqueues (workqueue.c): which
 * pending work a worker starts, the run of one work in the worker's
 * context, the worker threads themselves (kworker/N, a FreeBSD
 * taskqueue's taskq/N) and their spawning as works are queued. */
#include <stdio.h>
#include <string.h>

#include "lx.h"

static const char *const kworker_names[] = {
	"kworker/0", "kworker/1", "kworker/2",  "kworker/3",
	"kworker/4", "kworker/5", "kworker/6",  "kworker/7",
	"kworker/8", "kworker/9", "kworker/10", "kworker/11",
};

static int nkworkers; /* kworker/N numbering */

struct weft__lx_worker {
	struct weft_wq *wq;
	int slot;
};

void weft__lx_wq_workers_begin(void)
{
	nkworkers = 0;
}

/* The first pending work a worker may start now, or NULL. */
static struct weft_work *first_runnable(const struct weft_wq *wq)
{
	bool pc = weft__lx_wq_per_cpu(wq);

	if (!pc && wq->nactive >= wq->max_active)
		return NULL;
	if (wq->ordered)
		return wq->head && !weft__lx_wq_runs_here(wq, wq->head) && !wq->head->hold
			       ? wq->head
			       : NULL;
	/* A work is never run by two workers of a queue at once: an
	 * instance queued while the previous one runs waits for it.  A
	 * FreeBSD taskqueue has no such rule (taskqueue_run_locked starts
	 * whatever task is first): with several threads, a task queued
	 * again while it runs runs beside itself. */
	/* A disabled tasklet (hold) stays pending where it is, as the
	 * kernel's tasklet_action puts it back on its list; so does one
	 * whose scheduler has softirqs off still (weft__lx_softirq_held). */
	for (struct weft_work *w = wq->head; w; w = w->next)
		if ((wq->bsd || !weft__lx_wq_runs_here(wq, w)) && !w->hold &&
		    !(w->bh_holder &&
		      weft__lx_softirq_held(w->bh_holder - 1)) &&
		    (!pc || w->cpu == WEFT__LX_CPU_ANY ||
		     weft__lx_wq_running_on(wq, w->cpu) < wq->max_active))
			return w;
	return NULL;
}

static bool worker_ready(const struct weft__op *op)
{
	const struct weft__lx_worker *wk = op->arg;
	const struct weft_wq *wq = wk->wq;

	if (wq->stopping)
		return true;
	/* An empty queue first: an idle worker is asked at every step
	 * (2.9% of the kernel workload's instructions went here). */
	if (!wq->head || wq->cur[wk->slot] || !first_runnable(wq))
		return false;
	for (int k = 0; k < wk->slot; k++)
		if (!wq->cur[k])
			return false;
	return true;
}

void weft__lx_wq_unlink(struct weft_wq *wq, struct weft_work *w)
{
	struct weft_work *prev = NULL;

	for (struct weft_work *x = wq->head; x; prev = x, x = x->next) {
		if (x != w)
			continue;
		if (prev)
			prev->next = x->next;
		else
			wq->head = x->next;
		if (wq->tail == x)
			wq->tail = prev;
		x->next = NULL;
		return;
	}
}

/* Run one work in the worker's context: holding the queue's and the
 * work's classes, as lockdep does, so that flushing while holding a lock
 * the work takes is a cycle. */
static void run_work(struct weft_wq *wq, struct weft_work *w,
		     const struct weft_loc *loc)
{
	struct weft__lx_thread *me = weft__lx_me();
	struct weft__lx_ctx_save save;
	int qc = weft__lx_wq_class(wq), wc = weft__lx_work_class(w);
	void (*fn)(struct weft_work *) = w->func;
	/* The function may free its work, or return the frame it lives in
	 * to its owner: nothing of the work is read after it. */
	const char *name = w->name;
	const struct weft_klock *held;
	struct weft__lx_depths depths;

	me->wq = wq;
	me->work = w;
	me->cause = w->cause;
	/* A BH queue's works run in softirq context: sleeping there is
	 * misuse, and a lock they share with process context must be
	 * taken with softirqs off.  They ran in process context (found by
	 * a probe of kernel deadlocks). */
	weft__lx_ctx_enter(&save, (wq->flags & WEFT_WQ_BH) ? "BH work" : NULL,
			   (wq->flags & WEFT_WQ_BH) ? name : NULL, qc + 1,
			   wc + 1);
	weft__lock_acquire(qc, loc, false);
	weft__lock_acquire(wc, loc, false);
	weft__lx_depths_save(&depths);
	/* A work that runs again once the clock has moved (a delayed work
	 * re-armed, a periodic garbage collector) is a new call, not a
	 * round of a loop polling what it read last time: its test_bit of
	 * a stop flag at each run was a spin to the fair scheduling. */
	if (weft__lx_clock_moved()) {
		weft__poll_forget();
		weft__saw_change();
	}
	fn(w);
	held = weft__lx_held_last(weft__self());
	if (held)
		weft__fail(WEFT__K(MISUSE), loc, "work %s returned holding %s",
			   name, held->name ? held->name : "a lock");
	if (me->rcu_depth)
		weft__fail(WEFT__K(MISUSE), loc,
			   "work %s returned inside an RCU "
			   "read section (rcu_read_lock at %s)", name,
			   weft__lx_site(me->rcu_loc));
	weft__lx_depths_check(&depths, "work", name,
			      "BUG: workqueue leaked atomic, lock or RCU", loc);
	weft__lock_release(wc, loc);
	weft__lock_release(qc, loc);
	weft__lx_ctx_leave(&save);
	me->wq = NULL;
	me->work = NULL;
	me->cause = NULL;
}

/* Whether a worker of a queue other than wq could start a work now.
 * Then work_done is no release: a release tells the explorer that every
 * blocked step it races with was enabled by it, and that worker's next
 * step could have run before it.  A work queued on a second queue while
 * it ran on the first raced with itself there, and the lost update was
 * verified in 40 schedules (a probe of kernel patterns). */
static bool other_queue_ready(const struct weft_wq *wq)
{
	for (const struct weft_wq *q = weft__lx_wq_registry; q; q = q->next_wq) {
		if (q == wq || q->stopping)
			continue;
		for (int k = 0; k < q->nworkers; k++)
			if (!q->cur[k] && first_runnable(q))
				return true;
	}
	return false;
}

/* Whether a worker's work_done is a release, asked when it is taken:
 * not with a later worker of its queue (see worker_main), nor with an
 * idle worker of another queue that could start (other_queue_ready).
 * Asked when the op is set up, it missed the second: the other queue's
 * work was queued after the function returned. */
static bool done_releases(const struct weft__op *op)
{
	const struct weft__lx_worker *wk = op->arg;

	return wk->slot + 1 >= wk->wq->nworkers &&
	       !other_queue_ready(wk->wq);
}

/* Another worker running w than the caller, as a runner field (id + 1),
 * or 0. */
static int other_runner(const struct weft_work *w)
{
	for (const struct weft_wq *q = weft__lx_wq_registry; q; q = q->next_wq)
		for (int k = 0; k < q->nworkers; k++)
			if (q->cur[k] == w && q->worker_tid[k] != weft__self())
				return q->worker_tid[k] + 1;
	return 0;
}

/* The calling worker's instance of w ended.  Only for the work it
 * started: one set up anew since (by its own function, or at the same
 * place after its frame returned) has no runner, or another one alone. */
static void run_ended(struct weft_work *w)
{
	if (!w->nrunning ||
	    (w->runner != weft__self() + 1 && w->nrunning < 2))
		return;
	w->nrunning--;
	w->ndone++;
	if (w->runner == weft__self() + 1)
		w->runner = w->nrunning ? other_runner(w) : 0;
}

static void worker_main(void *arg)
{
	struct weft__lx_worker *wk = arg;
	struct weft_wq *wq = wk->wq;
	struct weft__op op = { .name = wq->bsd ? "taskqueue_run"
					       : "process_one_work",
			       .obj = &weft__lx_dom,
			       .objname = wq->name, .access = WEFT__ACC_WRITE,
			       .ready = worker_ready, .arg = wk,
			       .liveness = WEFT__LIVE_TOGGLE,
			       .loc = wq->alloc_loc };

	/* Set by the spawner only once this thread has taken its first
	 * step, which may already run a work (other_runner reads it). */
	wq->worker_tid[wk->slot] = weft__self();
	for (;;) {
		struct weft_work *w;
		const char *name;
		const struct weft_loc *loc;

		/* With no work queued, the worker cannot start one before a
		 * work is queued or the queue is destroyed, which wake it
		 * (weft__lx_wq_insert, weft_wq_destroy): the scheduler does
		 * not ask worker_ready meanwhile (an idle worker asked at
		 * every step was 2% of the kernel workload's
		 * instructions). */
		if (!wq->head && !wq->stopping)
			weft__sched_sleep(&wq->idle);
		weft__visible(&op);
		if (wq->stopping) {
			wq->nalive--;
			return;
		}
		w = first_runnable(wq);
		weft__lx_wq_unlink(wq, w);
		/* PENDING is cleared before the function runs, so the work
		 * may be queued again (even by itself) while it runs. */
		w->pending = 0;
		w->runner = weft__self() + 1;
		w->nrunning++;
		w->run_cpu = w->cpu != WEFT__LX_CPU_ANY
				     ? w->cpu
				     : WEFT__LX_CPU_WORKER + weft__self();
		w->run_seq = w->seq;
		wq->nactive++;
		wq->cur[wk->slot] = w;
		name = w->name;
		loc = w->queued_at;
		weft__step_note(name);
		/* A work that has begun runs to its end, as in the kernel,
		 * even when the test body returns meanwhile: what it does
		 * after that (to memory the test freed, say) is seen, and one
		 * with only its return left is no leak.  So the worker is no
		 * daemon while it runs one. */
		weft__thread_clear_flags(weft__self(), WEFT__THREAD_DAEMON);
		run_work(wq, w, loc);
		/* The function may have freed its work (a legal idiom): the
		 * bookkeeping below does not check the work's memory.  It
		 * lets flushers go on, a release; but with a later worker
		 * of the queue there, it also leaves this worker idle, which
		 * stops that one (worker_ready): then it is an ordinary
		 * write, since the explorer never tries what a release
		 * disables.  As a release it never tried the later worker
		 * started before it, taking a second work while this one
		 * still ran: two works' lost update was verified in 9
		 * schedules (found by a probe of kernel patterns). */
		{
			/* It makes the worker a daemon again (liveness). */
			struct weft__op done = {
				.name = wq->bsd ? "task_done" : "work_done",
				.obj = &weft__lx_dom, .objname = name,
				.access = WEFT__ACC_WRITE,
				.release_now = done_releases, .arg = wk,
				.liveness = WEFT__LIVE_TOGGLE, .loc = loc };
			weft__visible(&done);
		}
		/* Not into a frame that has returned (an on-stack work whose
		 * owner went on once the function completed it, as the
		 * kernel allows), nor into a new work set up since at the
		 * same place (its runner is not this thread): that memory is
		 * the owner's again. */
		if (!weft__frame_obj_dead(w))
			run_ended(w);
		wq->nactive--;
		wq->cur[wk->slot] = NULL;
		weft__thread_add_flags(weft__self(), WEFT__THREAD_DAEMON);
	}
}

/* A worker is a kworker; a FreeBSD taskqueue's is a taskq thread (a
 * taskqueue_drain deadlock was reported with a kworker in it). */
static const char *kworker_name(const struct weft_wq *wq)
{
	int n = nkworkers++;

	if (wq->bsd)
		return weft__internf("taskq/%d", n);
	if (n < (int)(sizeof kworker_names / sizeof kworker_names[0]))
		return kworker_names[n];
	return weft__internf("kworker/%d", n);
}

/* The most workers wq may have now.  An unbound or ordered queue runs
 * at most max_active works.  A per-CPU queue runs max_active on each of
 * its CPUs: its first WEFT_WQ_INLINE_WORKERS workers are made as works
 * are queued, as they always were, and more only while that many works
 * could run at once (weft__lx_wq_could_run), so that a loop queueing many
 * works for one CPU does not fill the thread table with idle workers.
 * A cap of 4 workers on every queue made system_wq's fifth work wait
 * behind four sleeping ones: a false deadlock, and a WARN on a fifth
 * work in flight was verified (a probe of kernel patterns). */
static int worker_limit(const struct weft_wq *wq)
{
	int n;

	if (!weft__lx_wq_per_cpu(wq))
		return wq->max_active;
	if (wq->nworkers < WEFT_WQ_INLINE_WORKERS)
		return WEFT_WQ_INLINE_WORKERS;
	n = weft__lx_wq_could_run(wq);
	return n > WEFT_WQ_INLINE_WORKERS ? n : WEFT_WQ_INLINE_WORKERS;
}

/* A slot for worker k: the queue's own first ones, then twice as many
 * in per-execution memory each time they run out.  weft's thread table
 * is the real limit: a queue that needs a worker when it is full ends
 * the execution inconclusive, not as a bug of the program. */
static void make_slot(struct weft_wq *wq, int k, const struct weft_loc *loc)
{
	int n;
	int *tid;
	struct weft_work **cur;

	if (weft__nthreads() >= WEFT__MAX_THREADS)
		weft__limit("thread-limit", loc,
			    "workqueue %s needs worker %d, and weft's table of "
			    "%d threads is full", wq->name ? wq->name : "?",
			    k + 1, WEFT__MAX_THREADS);
	if (!wq->nslots) {
		wq->nslots = WEFT_WQ_INLINE_WORKERS;
		wq->worker_tid = wq->tid0;
		wq->cur = wq->cur0;
	}
	if (k < wq->nslots)
		return;
	n = 2 * wq->nslots;
	tid = weft__exec_alloc(sizeof *tid * (size_t)n);
	cur = weft__exec_alloc(sizeof *cur * (size_t)n);
	memcpy(tid, wq->worker_tid, sizeof *tid * (size_t)wq->nslots);
	memcpy(cur, wq->cur, sizeof *cur * (size_t)wq->nslots);
	wq->worker_tid = tid;
	wq->cur = cur;
	wq->nslots = n;
}

void weft__lx_wq_spawn_if_needed(struct weft_wq *wq, const struct weft_loc *loc)
{
	int idle = 0, pending = 0;

	for (int k = 0; k < wq->nworkers; k++)
		idle += !wq->cur[k];
	/* A work queued again while it runs on this queue waits for its
	 * runner, which takes it next: it needs no worker of its own (on a
	 * taskqueue it does: see first_runnable). */
	for (struct weft_work *w = wq->head; w; w = w->next)
		pending += wq->bsd || !weft__lx_wq_runs_here(wq, w);
	/* An rcu_work's worker is made when it is queued, not by its RCU
	 * callback: in the kernel the callback only puts the work on the
	 * pool's list, and a spawn there left the callback running at the
	 * test's end (a false leak). */
	pending += wq->nrcu_wait;
	while (idle < pending && wq->nworkers < worker_limit(wq)) {
		struct weft__lx_worker *wk = weft__exec_alloc(sizeof *wk);
		int k = wq->nworkers;

		make_slot(wq, k, loc);
		wq->cur[k] = NULL;
		wq->nworkers++;
		wk->wq = wq;
		wk->slot = k;
		wq->nalive++;
		idle++;
		/* Its role: the queue and the slot (a queue's struct is
		 * larger than its first slots are many; the rest apart). */
		wq->worker_tid[k] = weft__lx_spawn_system(
			worker_main, wk, kworker_name(wq),
			k < WEFT_WQ_INLINE_WORKERS
				? (uintptr_t)wq + (uintptr_t)k
				: ((uintptr_t)wq << 12) + (uintptr_t)k,
			loc);
	}
}
