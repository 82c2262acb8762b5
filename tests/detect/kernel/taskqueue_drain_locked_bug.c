// FreeBSD source: detach drains the softc's task while holding the softc
// mutex the task takes, a deadlock.  It was reported with Linux names
// (flush_work, kworker/0, queue_work); a taskqueue's steps and threads
// now have taskqueue(9)'s (tests/cli/bsd_names.sh checks the report).
// taskqueue_drain_locked_ok.c drains after dropping the mutex.
//! expect: bug deadlock
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/malloc.h>
#include <sys/taskqueue.h>

struct foo_softc { struct mtx mtx; struct task task; struct taskqueue *tq; int events; int dying; };

static void foo_task(void *arg, int pending)
{
	struct foo_softc *sc = arg;
	(void)pending;
	mtx_lock(&sc->mtx);
	if (!sc->dying)
		sc->events++;
	mtx_unlock(&sc->mtx);
}

WEFT_TEST(drain_under_mtx)
{
	struct foo_softc *sc = malloc(sizeof(*sc), M_DEVBUF, M_WAITOK | M_ZERO);
	struct taskqueue *tq;
	mtx_init(&sc->mtx, "foo", NULL, MTX_DEF);
	tq = taskqueue_create("foo_tq", M_WAITOK, taskqueue_thread_enqueue, &sc->tq);
	sc->tq = tq;
	taskqueue_start_threads(&sc->tq, 1, PWAIT, "foo taskq");
	TASK_INIT(&sc->task, 0, foo_task, sc);
	taskqueue_enqueue(sc->tq, &sc->task);
	mtx_lock(&sc->mtx);
	sc->dying = 1;
#ifdef TQ_DRAIN_FIXED
	mtx_unlock(&sc->mtx);
	taskqueue_drain(sc->tq, &sc->task);
#else
	taskqueue_drain(sc->tq, &sc->task);	/* BUG */
	mtx_unlock(&sc->mtx);
#endif
	taskqueue_free(tq);
	mtx_destroy(&sc->mtx);
	free(sc, M_DEVBUF);
}
