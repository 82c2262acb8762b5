// FreeBSD source against weft's <sys/...> tree: the softc is freed while
// its task may still be queued or running (no taskqueue_drain).
//! expect: bug use-after-free
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/malloc.h>
#include <sys/taskqueue.h>

struct foo_softc {
	struct task task;
	struct taskqueue *tq;
	int events;
};

static void foo_task(void *arg, int pending)
{
	struct foo_softc *sc = arg;

	sc->events += pending;
}

WEFT_TEST(free_without_drain)
{
	struct foo_softc *sc = malloc(sizeof(*sc), M_DEVBUF, M_WAITOK | M_ZERO);
	struct taskqueue *tq;

	tq = taskqueue_create("foo_tq", M_WAITOK, taskqueue_thread_enqueue,
			      &sc->tq);
	sc->tq = tq;
	taskqueue_start_threads(&sc->tq, 1, PWAIT, "foo taskq");
	TASK_INIT(&sc->task, 0, foo_task, sc);
	taskqueue_enqueue(sc->tq, &sc->task);
	free(sc, M_DEVBUF);
	taskqueue_free(tq);
}
