// The fix of taskqueue_bug.c (drain before free), the pending count,
// taskqueue_cancel, and sx(9) and rw(9) locks.
//! expect: verified
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/sx.h>
#include <sys/rwlock.h>
#include <sys/malloc.h>
#include <sys/taskqueue.h>

struct foo_softc {
	struct mtx mtx;
	struct sx cfg_sx;
	struct rwlock map_rw;
	struct task task;
	struct taskqueue *tq;
	int events, cfg, map;
};

static void foo_task(void *arg, int pending)
{
	struct foo_softc *sc = arg;

	KASSERT(pending > 0, ("no pending count"));
	mtx_lock(&sc->mtx);
	sc->events += pending;
	mtx_unlock(&sc->mtx);
	sx_slock(&sc->cfg_sx);
	(void)sc->cfg;
	sx_sunlock(&sc->cfg_sx);
	rw_rlock(&sc->map_rw);
	(void)sc->map;
	rw_runlock(&sc->map_rw);
}

WEFT_TEST(drain_then_free)
{
	struct foo_softc *sc = malloc(sizeof(*sc), M_DEVBUF, M_WAITOK | M_ZERO);
	u_int pend = 0;

	mtx_init(&sc->mtx, "foo", NULL, MTX_DEF);
	sx_init(&sc->cfg_sx, "foo cfg");
	rw_init(&sc->map_rw, "foo map");
	sc->tq = taskqueue_create("foo_tq", M_WAITOK,
				  taskqueue_thread_enqueue, &sc->tq);
	taskqueue_start_threads(&sc->tq, 1, PWAIT, "foo taskq");
	TASK_INIT(&sc->task, 0, foo_task, sc);
	taskqueue_enqueue(sc->tq, &sc->task);
	taskqueue_enqueue(sc->tq, &sc->task);
	sx_xlock(&sc->cfg_sx);
	sx_assert(&sc->cfg_sx, SA_XLOCKED);
	sc->cfg++;
	sx_xunlock(&sc->cfg_sx);
	rw_wlock(&sc->map_rw);
	rw_assert(&sc->map_rw, RA_WLOCKED);
	sc->map++;
	rw_wunlock(&sc->map_rw);
	if (taskqueue_cancel(sc->tq, &sc->task, &pend) == 0 && pend > 0)
		taskqueue_enqueue(sc->tq, &sc->task);
	taskqueue_drain(sc->tq, &sc->task);
	mtx_lock(&sc->mtx);
	KASSERT(sc->events >= 1 && sc->events <= 2, ("events %d", sc->events));
	mtx_unlock(&sc->mtx);
	taskqueue_free(sc->tq);
	rw_destroy(&sc->map_rw);
	sx_destroy(&sc->cfg_sx);
	mtx_destroy(&sc->mtx);
	free(sc, M_DEVBUF);
}
