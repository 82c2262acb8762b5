// A task, running on a taskqueue's only thread, drains another task of
// the same queue pending behind it: that task can only run on the thread
// the first occupies, a deadlock.  The correct twin queues the second
// task on a queue of its own.  The report names taskqueue(9)'s calls:
// the drain from the task was drawn as flush_work, "behind work", its
// name chosen before its step from a task not yet queued (a probe of the
// FreeBSD models; tests/cli/bsd_names.sh reads this report).
//! expect: bug deadlock
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/malloc.h>
#include <sys/taskqueue.h>

static struct taskqueue *tq, *tq2;
static struct task ta, tb;
static int b_ran;

static void task_b(void *arg, int pending)
{
	(void)arg;
	(void)pending;
	b_ran = 1;
}

static void task_a(void *arg, int pending)
{
	(void)arg;
	(void)pending;
#ifdef OK
	taskqueue_drain(tq2, &tb);
#else
	taskqueue_drain(tq, &tb);
#endif
}

WEFT_TEST(drain_in_task)
{
	tq = taskqueue_create("tq", M_WAITOK, taskqueue_thread_enqueue, &tq);
	taskqueue_start_threads(&tq, 1, PWAIT, "tq");
	tq2 = taskqueue_create("tq2", M_WAITOK, taskqueue_thread_enqueue, &tq2);
	taskqueue_start_threads(&tq2, 1, PWAIT, "tq2");
	TASK_INIT(&ta, 0, task_a, NULL);
	TASK_INIT(&tb, 0, task_b, NULL);
	taskqueue_enqueue(tq, &ta);
#ifdef OK
	taskqueue_enqueue(tq2, &tb);
#else
	taskqueue_enqueue(tq, &tb);
#endif
	taskqueue_drain(tq, &ta);
	taskqueue_free(tq);
	taskqueue_free(tq2);
}
