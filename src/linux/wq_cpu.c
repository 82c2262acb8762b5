/* src/linux/wq_cpu.c - the CPUs of per-CPU workqueues' works and of RCU
 * callbacks, as tags: which CPU a work is queued for, and how many of a
 * queue's works run on one.  workqueue.c asks these when it queues and
 * starts works, rcu_cb.c when it queues a callback. */
#include "lx.h"

static int nfresh;              /* tags chosen new in this execution */

void weft__lx_wq_cpu_begin(void)
{
	nfresh = 0;
}

bool weft__lx_wq_per_cpu(const struct weft_wq *wq)
{
	return !wq->ordered && !(wq->flags & WEFT_WQ_UNBOUND);
}

/* A per-CPU queue runs a work on the CPU that queued it, and its limit
 * holds on each CPU: works queued from two CPUs run at once however low
 * the limit (the kernel's documentation sends those who need one at a
 * time to alloc_ordered_workqueue).  weft has no CPUs, so a work carries
 * a tag for its CPU: the one queue_work_on names; the queuing worker's,
 * since a per-CPU worker stays on its CPU; the queuing thread's while it
 * cannot be preempted (spinlock, interrupts or softirqs off, a callback),
 * since it stays on its CPU (one tag for all such stretches of a thread:
 * a thread that moved between two of them is not modelled); else (-1)
 * any CPU, as a preemptible thread may be on any.  Where the queue's
 * limit can hold works back, "any" is a choice the explorer branches on
 * (weft__lx_wq_settle_cpu): the CPU of a work already on the queue, or
 * one of its own.  With a tag of its own for every such work, two
 * queue_work calls in a row never met on one CPU, where a limit of 1
 * makes the second wait for the first, and a deadlock between them was
 * verified (a probe of kernel patterns). */
/* The choice is made for queues whose max_active is below this (it
 * was the cap of workers per queue): with a higher limit, works of any
 * CPU run at once, and the choice's cost buys little. */
#define CHOOSE_BELOW 4
#define CPU_PINNED (1 << 20)   /* + thread: a non-preemptible stretch */
#define CPU_FRESH (1 << 22)    /* + n: the n-th CPU chosen as a new one */
_Static_assert(WEFT__LX_CPU_WORKER == 1 << 21, "the tags' ranges");

int weft__lx_queue_cpu(int cpu)
{
	const struct weft__lx_thread *me = weft__lx_me();

	if (cpu >= 0)
		return cpu;
	if (me->rcu_cpu)
		return me->rcu_cpu - 1;
	if (me->wq && me->work && weft__lx_wq_per_cpu(me->wq))
		return me->work->run_cpu;
	if (me->spin_depth || me->irqs_off || me->bh_off || me->atomic_what)
		return CPU_PINNED + weft__self();
	return WEFT__LX_CPU_ANY;
}

/* An RCU callback runs on the CPU that queued it, and the callbacks of
 * one CPU run in the order queued (rcu_cb.c).  A preemptible thread's
 * CPU is its own here, not a choice: its callbacks keep their order (one
 * that migrates between two call_rcu calls is not modelled), and those
 * of two threads may run at the same time. */
int weft__lx_rcu_cpu(void)
{
	int cpu = weft__lx_queue_cpu(-1);

	return cpu == WEFT__LX_CPU_ANY ? CPU_PINNED + weft__self() : cpu;
}

/* The works of per-CPU queue wq running on CPU tag cpu. */
int weft__lx_wq_running_on(const struct weft_wq *wq, int cpu)
{
	int n = 0;

	for (int k = 0; k < wq->nworkers; k++)
		n += wq->cur[k] && wq->cur[k]->run_cpu == cpu;
	return n;
}

/* How many works of per-CPU queue wq could run at once now: those
 * running, and the pending ones that could start beside them, each CPU
 * tag taking at most max_active (a work of any CPU always can). */
int weft__lx_wq_could_run(const struct weft_wq *wq)
{
	int n = wq->nactive;

	for (const struct weft_work *w = wq->head; w; w = w->next) {
		int on;

		if (weft__lx_wq_runs_here(wq, w))
			continue;
		if (w->cpu == WEFT__LX_CPU_ANY) {
			n++;
			continue;
		}
		on = weft__lx_wq_running_on(wq, w->cpu);
		for (const struct weft_work *x = wq->head; x != w; x = x->next)
			on += x->cpu == w->cpu && !weft__lx_wq_runs_here(wq, x);
		n += on < wq->max_active;
	}
	return n;
}

static void add_tag(int *tags, int *n, int tag)
{
	for (int i = 0; i < *n; i++)
		if (tags[i] == tag)
			return;
	tags[(*n)++] = tag;
}

/* The CPU tag of a work queued on per-CPU queue wq from any CPU, when
 * the queue's limit can hold works back: the explorer's choice between
 * a CPU of its own and the CPU of each work pending or running on wq.
 * Called in the queueing step. */
static int pick_cpu(struct weft_wq *wq)
{
	int tags[32], n = 0, v;

	/* At most that many choices: a queue has more workers than
	 * WEFT_WQ_INLINE_WORKERS when many CPUs run its works. */
	for (int k = 0; k < wq->nworkers && n < (int)(sizeof tags /
						  sizeof tags[0]); k++)
		if (wq->cur[k])
			add_tag(tags, &n, wq->cur[k]->run_cpu);
	for (struct weft_work *x = wq->head; x && n < (int)(sizeof tags /
						sizeof tags[0]); x = x->next)
		if (x->cpu != WEFT__LX_CPU_ANY)
			add_tag(tags, &n, x->cpu);
	/* A lone step (a spinning thread's, or the clock's with nobody
	 * else to run) has no place for a decision: a CPU of its own, as
	 * every such work had before the choice. */
	v = n && !weft__lone_step ? weft__choose_here(n + 1) : 0;
	if (v == 0)
		return CPU_FRESH + ++nfresh;
	weft__step_note("on the CPU of a work on the queue");
	return tags[v - 1];
}

int weft__lx_wq_settle_cpu(struct weft_wq *wq, int cpu)
{
	if (cpu == WEFT__LX_CPU_ANY && weft__lx_wq_per_cpu(wq) &&
	    wq->max_active < CHOOSE_BELOW)
		return pick_cpu(wq);
	return cpu;
}
