//! expect: bug assertion
/* taskqueue_enqueue() puts a task before the first queued task of lower
 * priority (a higher ta_priority runs first; equal ones keep their
 * order), as FreeBSD's taskqueue_enqueue_locked does.  weft's queue was
 * FIFO: this program, which expects the queue's one thread to run ta
 * (priority 0) before tb (priority 5), was verified, and its correct twin
 * (tq_priority_ok.c, which expects tb first) was a false alarm (found by
 * a probe of the FreeBSD models).  A blocking task keeps the thread busy
 * until both are queued. */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/malloc.h>
#include <sys/taskqueue.h>

static struct taskqueue *tq;
static struct task ta, tb, tblock;
static int order[2], n;
static struct mtx m;
static int go;

static void blocker(void *arg, int pending)
{
	(void)arg;
	(void)pending;
	mtx_lock(&m);
	while (!go)
		msleep(&go, &m, 0, "go", 0);
	mtx_unlock(&m);
}

static void fa(void *arg, int pending)
{
	(void)arg;
	(void)pending;
	order[n++] = 1;
}

static void fb(void *arg, int pending)
{
	(void)arg;
	(void)pending;
	order[n++] = 2;
}

WEFT_TEST(tq_priority)
{
	mtx_init(&m, "m", NULL, MTX_DEF);
	tq = taskqueue_create("tq", M_WAITOK, taskqueue_thread_enqueue, &tq);
	taskqueue_start_threads(&tq, 1, PWAIT, "tq");
	TASK_INIT(&tblock, 0, blocker, NULL);
	TASK_INIT(&ta, 0, fa, NULL);
	TASK_INIT(&tb, 5, fb, NULL);
	taskqueue_enqueue(tq, &tblock);
	taskqueue_enqueue(tq, &ta);
	taskqueue_enqueue(tq, &tb); /* goes ahead of ta */
	mtx_lock(&m);
	go = 1;
	wakeup(&go);
	mtx_unlock(&m);
	taskqueue_drain_all(tq);
	MPASS(n == 2);
#ifdef OK
	MPASS(order[0] == 2 && order[1] == 1);
#else
	MPASS(order[0] == 1 && order[1] == 2); /* assumes FIFO */
#endif
	taskqueue_free(tq);
	mtx_destroy(&m);
}
