//! expect: bug misuse
/* A taskqueue(9) task returns holding the softc mutex on its error path.
 * The taskqueue thread then runs on (and sleeps in TQ_SLEEP) holding it:
 * WITNESS reports the sleep with a mutex held, and any later mtx_lock of
 * the softc blocks for ever.  weft checks this for callout handlers
 * ("handler ... returned holding m"), not for tasks: with nothing else
 * taking the mutex afterwards it verifies (3 schedules).  (Minor.) */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/malloc.h>
#include <sys/taskqueue.h>

static struct taskqueue *tq;
static struct task tk;
static struct mtx m;
static int err = 1, n;

static void tfn(void *arg, int pending)
{
	(void)arg;
	(void)pending;
	mtx_lock(&m);
	if (err) {
#ifdef OK
		mtx_unlock(&m);
#endif
		return;
	}
	n++;
	mtx_unlock(&m);
}

WEFT_TEST(task_returns_locked)
{
	mtx_init(&m, "m", NULL, MTX_DEF);
	tq = taskqueue_create("t", M_WAITOK, taskqueue_thread_enqueue, &tq);
	taskqueue_start_threads(&tq, 1, PWAIT, "t");
	TASK_INIT(&tk, 0, tfn, NULL);
	taskqueue_enqueue(tq, &tk);
	taskqueue_drain(tq, &tk);
	taskqueue_free(tq);
}
