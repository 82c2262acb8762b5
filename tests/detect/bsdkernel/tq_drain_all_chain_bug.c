//! expect: bug assertion
/* Task a posts task b while taskqueue_drain_all() waits: taskqueue(9) says
 * tasks posted after the drain begins do not extend its wait and may
 * complete after it returns, so b may run after the caller set drained.
 * weft's drain_all waited for b too (a drain_workqueue), and this was
 * verified in 7 schedules (found by a probe of the FreeBSD models).
 * tq_drain_all_chain_ok.c also drains b itself. */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/malloc.h>
#include <sys/taskqueue.h>

static struct taskqueue *tq;
static struct task a, b;
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

WEFT_TEST(drain_all_chain)
{
	tq = taskqueue_create("tq", M_WAITOK, taskqueue_thread_enqueue, &tq);
	taskqueue_start_threads(&tq, 1, PWAIT, "tq");
	TASK_INIT(&a, 0, task_a, NULL);
	TASK_INIT(&b, 0, task_b, NULL);
	taskqueue_enqueue(tq, &a);
	taskqueue_drain_all(tq);
#ifdef OK
	/* a has run: b was posted before this drain began. */
	taskqueue_drain(tq, &b);
#endif
	__atomic_store_n(&drained, 1, __ATOMIC_SEQ_CST);
	taskqueue_free(tq);
}
