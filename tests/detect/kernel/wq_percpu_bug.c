//! expect(max_active_one): bug assertion
//! expect(create_workqueue): bug assertion
//! expect(set_max_active): bug assertion
//! expect(raise_after_queueing): bug assertion
/* A per-CPU workqueue's max_active holds on each CPU, so two works queued
 * from different CPUs run at once even with max_active 1; a driver that
 * counts in its works without a lock because "the queue runs one at a
 * time" loses updates.  create_workqueue is such a queue too, and
 * workqueue_set_max_active(wq, 1) on an unbound one is not ordering
 * either once it is raised again.  The model ran a per-CPU queue's works
 * one at a time: verified in 192 schedules.  The fix is an ordered queue
 * (wq_percpu_ok.c). */
#include <linux/kthread.h>
#include <linux/workqueue.h>

static struct workqueue_struct *wq;
static struct work_struct wa, wb;
static int stats;

static void count_fn(struct work_struct *w)
{
	(void)w;
	stats++;
}

static int other_cpu(void *arg)
{
	(void)arg;
	queue_work(wq, &wb);
	return 0;
}

/* Queue one work here and one from another thread; raise, if not 0, is
 * the queue's new max_active once both are queued. */
static void run_raised(struct workqueue_struct *q, int raise)
{
	struct task_struct *t;
	int queued;

	wq = q;
	stats = 0;
	INIT_WORK(&wa, count_fn);
	INIT_WORK(&wb, count_fn);
	t = kthread_create(other_cpu, NULL, "cpu1");
	get_task_struct(t);
	wake_up_process(t);
	queue_work(wq, &wa);
	/* A kthread stopped before it first ran queued nothing. */
	queued = 1 + (kthread_stop(t) != -EINTR);
	put_task_struct(t);
	if (raise)
		workqueue_set_max_active(wq, raise);
	flush_workqueue(wq);
	WARN_ON(stats != queued);
	destroy_workqueue(wq);
}

static void run(struct workqueue_struct *q)
{
	run_raised(q, 0);
}

#ifdef WEFT_WQ_PERCPU_FIXED
#define QUEUE(name, n) alloc_ordered_workqueue(name, 0)
#else
#define QUEUE(name, n) alloc_workqueue(name, 0, n)
#endif

WEFT_TEST(max_active_one)
{
	run(QUEUE("stats", 1));
}

WEFT_TEST(create_workqueue)
{
#ifdef WEFT_WQ_PERCPU_FIXED
	run(create_singlethread_workqueue("stats"));
#else
	run(create_workqueue("stats"));
#endif
}

WEFT_TEST(set_max_active)
{
#ifdef WEFT_WQ_PERCPU_FIXED
	struct workqueue_struct *q = alloc_ordered_workqueue("stats", 0);
#else
	struct workqueue_struct *q = alloc_workqueue("stats", WQ_UNBOUND, 1);
#endif

	workqueue_set_max_active(q, 2);
	run(q);
}

/* Raising the limit lets a work already waiting start at once (the model
 * spawned no worker for it, and this was verified). */
WEFT_TEST(raise_after_queueing)
{
#ifdef WEFT_WQ_PERCPU_FIXED
	run_raised(alloc_ordered_workqueue("stats", 0), 2);
#else
	run_raised(alloc_workqueue("stats", WQ_UNBOUND, 1), 2);
#endif
}
