// FreeBSD source: detach drains the softc's task while holding the softc
// sx lock the task takes, a deadlock (an sx lock, which a thread may hold
// while it sleeps: draining under a mutex is misuse on its own,
// bsd_sleep_locked_bug.c).  It was reported with Linux names
// (flush_work, kworker/0, queue_work); a taskqueue's steps and threads
// now have taskqueue(9)'s (tests/cli/bsd_names.sh checks the report).
// taskqueue_drain_locked_ok.c drains after dropping the lock.
//! expect: bug deadlock
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/malloc.h>
#include <sys/sx.h>
#include <sys/taskqueue.h>

struct foo_softc { struct sx lock; struct task task; struct taskqueue *tq; int events; int dying; };

static void foo_task(void *arg, int pending)
{
	struct foo_softc *sc = arg;
	(void)pending;
	sx_xlock(&sc->lock);
	if (!sc->dying)
		sc->events++;
	sx_xunlock(&sc->lock);
}

WEFT_TEST(drain_under_sx)
{
	struct foo_softc *sc = malloc(sizeof(*sc), M_DEVBUF, M_WAITOK | M_ZERO);
	struct taskqueue *tq;
	sx_init(&sc->lock, "foo");
	tq = taskqueue_create("foo_tq", M_WAITOK, taskqueue_thread_enqueue, &sc->tq);
	sc->tq = tq;
	taskqueue_start_threads(&sc->tq, 1, PWAIT, "foo taskq");
	TASK_INIT(&sc->task, 0, foo_task, sc);
	taskqueue_enqueue(sc->tq, &sc->task);
	sx_xlock(&sc->lock);
	sc->dying = 1;
#ifdef TQ_DRAIN_FIXED
	sx_xunlock(&sc->lock);
	taskqueue_drain(sc->tq, &sc->task);
#else
	taskqueue_drain(sc->tq, &sc->task);	/* BUG */
	sx_xunlock(&sc->lock);
#endif
	taskqueue_free(tq);
	sx_destroy(&sc->lock);
	free(sc, M_DEVBUF);
}
