// A FreeBSD taskqueue with several threads does not serialise a task
// with itself: taskqueue_run_locked takes the first queued task whatever
// runs, and clears its pending count as the run starts, so a task
// enqueued again while it runs is started by another thread beside the
// first run (a Linux work item, by contrast, waits for its own previous
// run).  The handler here counts without a lock: a data race once the
// task runs twice at once.  weft ran a taskqueue's task one run at a
// time, like a Linux work, and the program came out verified;
// tq_reentrant_ok.c counts under a mutex.
//! expect: bug data-race
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/lock.h>
#include <sys/malloc.h>
#include <sys/mutex.h>
#include <sys/taskqueue.h>

static struct taskqueue *tq;
static struct task task;
static struct mtx m;
static int runs;

static void count(void *arg, int pending)
{
	(void)arg;
	(void)pending;
#ifdef OK
	mtx_lock(&m);
	runs++;
	mtx_unlock(&m);
#else
	runs++;
#endif
}

WEFT_TEST(tq_reentrant)
{
	mtx_init(&m, "m", NULL, MTX_DEF);
	tq = taskqueue_create("tq", M_WAITOK, taskqueue_thread_enqueue, &tq);
	taskqueue_start_threads(&tq, 2, PWAIT, "tq");
	TASK_INIT(&task, 0, count, NULL);
	taskqueue_enqueue(tq, &task);
	taskqueue_enqueue(tq, &task);
	taskqueue_drain(tq, &task);
	taskqueue_free(tq);
	KASSERT(runs >= 1 && runs <= 2, ("runs %d", runs));
	mtx_destroy(&m);
}
