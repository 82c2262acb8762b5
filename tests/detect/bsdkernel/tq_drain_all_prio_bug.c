//! expect: bug assertion
/* taskqueue_drain_all() queues a barrier task of the highest priority
 * behind the tasks queued when it begins, so no task posted later passes
 * them, whatever its priority, and such a task may run after the drain
 * returned.  Here task a, queued before the drain with task c behind it,
 * posts task b of a higher priority than c's: b goes behind the barrier,
 * not ahead of c, and may run after taskqueue_drain_all() returned.
 * Without the barrier, b went before c and always ran before the drain
 * returned.  tq_drain_all_prio_ok.c also drains b itself. */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/malloc.h>
#include <sys/taskqueue.h>

static struct taskqueue *tq;
static struct task a, b, c;
static int drained;

static void task_b(void *arg, int pending)
{
	(void)arg;
	(void)pending;
	KASSERT(!__atomic_load_n(&drained, __ATOMIC_SEQ_CST),
		("task b ran after taskqueue_drain_all"));
}

static void task_a(void *arg, int pending)
{
	(void)arg;
	(void)pending;
	taskqueue_enqueue(tq, &b);
}

static void task_c(void *arg, int pending)
{
	(void)arg;
	(void)pending;
}

WEFT_TEST(drain_all_prio)
{
	tq = taskqueue_create("tq", M_WAITOK, taskqueue_thread_enqueue, &tq);
	taskqueue_start_threads(&tq, 1, PWAIT, "tq");
	TASK_INIT(&a, 0, task_a, NULL);
	TASK_INIT(&b, 5, task_b, NULL);
	TASK_INIT(&c, 0, task_c, NULL);
	taskqueue_enqueue(tq, &a);
	taskqueue_enqueue(tq, &c);
	taskqueue_drain_all(tq);
#ifdef OK
	/* a has run: b was posted before this drain began. */
	taskqueue_drain(tq, &b);
#endif
	__atomic_store_n(&drained, 1, __ATOMIC_SEQ_CST);
	taskqueue_free(tq);
}
