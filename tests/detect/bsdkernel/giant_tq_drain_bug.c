//! expect: bug misuse
/* taskqueue_drain sleeps, and FreeBSD's sleeps drop Giant while they wait
 * (DROP_GIANT in _sleep): a Giant holder may drain a task that takes
 * Giant.  weft kept Giant through the drain, a false deadlock (a FreeBSD
 * probe); the ok twin (giant_tq_drain_ok.c) must verify.  This twin does
 * the same with an ordinary mutex, which a drain does not drop: draining
 * with it held is misuse (WITNESS), and a real deadlock. */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/lock.h>
#include <sys/malloc.h>
#include <sys/mutex.h>
#include <sys/taskqueue.h>

#ifdef FIXED
#define LOCK (&Giant)
#else
#define LOCK (&m)
#endif

static struct taskqueue *tq;
static struct task t;
static struct mtx m;
static int n;

static void fn(void *arg, int pending)
{
	(void)arg;
	(void)pending;
	mtx_lock(LOCK);
	n++;
	mtx_unlock(LOCK);
}

WEFT_TEST(giant_tq_drain)
{
	mtx_init(&m, "m", NULL, MTX_DEF);
	tq = taskqueue_create("tq", M_WAITOK, taskqueue_thread_enqueue, &tq);
	taskqueue_start_threads(&tq, 1, PWAIT, "tq");
	TASK_INIT(&t, 0, fn, NULL);
	taskqueue_enqueue(tq, &t);
	mtx_lock(LOCK);
	taskqueue_drain(tq, &t);
	taskqueue_drain_all(tq);
	mtx_unlock(LOCK);
	taskqueue_free(tq);
	mtx_destroy(&m);
}
