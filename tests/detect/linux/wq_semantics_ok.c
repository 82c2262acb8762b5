//! expect: verified
//! args: --strategy=dfs
/* Documented workqueue semantics, each checked in every interleaving. */
#include <weft/linux.h>

static int count, order_ok, active, overlap;
static struct workqueue_struct *wq;
static struct work_struct wa, wb;
static DECLARE_COMPLETION(handshake);

static void count_fn(struct work_struct *w)
{
	(void)w;
	WRITE_ONCE(count, READ_ONCE(count) + 1);
}

/* queue_work on a pending work returns false and the function runs once. */
WEFT_TEST(queue_pending_returns_false)
{
	wq = alloc_workqueue("wq", 0, 0);
	INIT_WORK(&wa, count_fn);
	weft_assert(queue_work(wq, &wa));
	/* false while still pending; true once it started (PENDING is
	 * cleared before the function runs), and then it runs twice */
	if (queue_work(wq, &wa)) {
		flush_workqueue(wq);
		weft_assert(READ_ONCE(count) == 2);
	} else {
		flush_workqueue(wq);
		weft_assert(READ_ONCE(count) == 1);
	}
	weft_assert(!work_pending(&wa));
	destroy_workqueue(wq);
}

static void requeue_fn(struct work_struct *w)
{
	int n = READ_ONCE(count) + 1;

	WRITE_ONCE(count, n);
	/* PENDING was cleared before we ran: requeueing ourselves works. */
	if (n == 1)
		weft_assert(queue_work(wq, w));
}

/* A work may requeue itself; drain waits for the chain. */
WEFT_TEST(self_requeue_and_drain)
{
	wq = alloc_workqueue("wq", 0, 0);
	INIT_WORK(&wa, requeue_fn);
	queue_work(wq, &wa);
	drain_workqueue(wq);
	weft_assert(READ_ONCE(count) == 2);
	destroy_workqueue(wq);
}

static void first_fn(struct work_struct *w)
{
	(void)w;
	WRITE_ONCE(order_ok, 1);
}

static void second_fn(struct work_struct *w)
{
	(void)w;
	weft_assert(READ_ONCE(order_ok) == 1);
}

/* An ordered queue runs works one at a time, in queueing order. */
WEFT_TEST(ordered_runs_in_order)
{
	wq = alloc_ordered_workqueue("ordered", 0);
	INIT_WORK(&wa, first_fn);
	INIT_WORK(&wb, second_fn);
	queue_work(wq, &wa);
	queue_work(wq, &wb);
	destroy_workqueue(wq); /* drains */
}

static void exclusive_fn(struct work_struct *w)
{
	(void)w;
	WRITE_ONCE(active, READ_ONCE(active) + 1);
	if (READ_ONCE(active) > 1)
		WRITE_ONCE(overlap, 1);
	WRITE_ONCE(active, READ_ONCE(active) - 1);
}

/* max_active = 1 on an unbound queue: two works never overlap.  (On a
 * per-CPU queue the limit holds per CPU, and works queued from two CPUs
 * do overlap: tests/detect/kernel/wq_percpu_bug.c.) */
WEFT_TEST(max_active_one)
{
	wq = alloc_workqueue("one", WQ_UNBOUND, 1);
	INIT_WORK(&wa, exclusive_fn);
	INIT_WORK(&wb, exclusive_fn);
	queue_work(wq, &wa);
	queue_work(wq, &wb);
	flush_workqueue(wq);
	weft_assert(!READ_ONCE(overlap));
	destroy_workqueue(wq);
}

static void waiter_fn(struct work_struct *w)
{
	(void)w;
	wait_for_completion(&handshake);
}

static void completer_fn(struct work_struct *w)
{
	(void)w;
	complete(&handshake);
}

/* max_active = 2: a work may wait for another work of the same queue. */
WEFT_TEST(max_active_two_concurrent)
{
	wq = alloc_workqueue("two", 0, 2);
	INIT_WORK(&wa, waiter_fn);
	INIT_WORK(&wb, completer_fn);
	queue_work(wq, &wa);
	queue_work(wq, &wb);
	flush_workqueue(wq);
	destroy_workqueue(wq);
}

/* After cancel_work_sync the work is neither running nor queued. */
WEFT_TEST(cancel_sync_stops_it)
{
	int seen;

	INIT_WORK(&wa, count_fn);
	schedule_work(&wa);
	cancel_work_sync(&wa);
	seen = READ_ONCE(count);
	weft_assert(!work_pending(&wa));
	flush_scheduled_work();
	weft_assert(READ_ONCE(count) == seen);
}

/* flush_work waits for the instance queued before it. */
WEFT_TEST(flush_work_waits)
{
	INIT_WORK(&wa, count_fn);
	schedule_work(&wa);
	flush_work(&wa); /* false when it had already finished */
	weft_assert(READ_ONCE(count) == 1);
	weft_assert(!flush_work(&wa)); /* idle: nothing to wait for */
}
