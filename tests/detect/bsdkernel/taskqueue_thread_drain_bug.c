// A driver defers work to the system taskqueue, taskqueue_thread, and
// frees its softc at detach.  The bug twin frees without draining the
// task, whose handler then writes the freed softc; the correct twin
// (taskqueue_thread_drain_ok.c) drains it first.  The system taskqueues
// failed to compile before (a probe of the FreeBSD tree).
//! expect: bug use-after-free
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/malloc.h>
#include <sys/taskqueue.h>

struct softc {
	struct task reset;
	int resets;
};

static void reset_task(void *arg, int pending)
{
	struct softc *sc = arg;

	sc->resets += pending;
}

WEFT_TEST(taskqueue_thread_drain)
{
	struct softc *sc = malloc(sizeof(*sc), M_DEVBUF, M_WAITOK | M_ZERO);

	TASK_INIT(&sc->reset, 0, reset_task, sc);
	taskqueue_enqueue(taskqueue_thread, &sc->reset);
	/* detach */
#ifdef OK
	taskqueue_drain(taskqueue_thread, &sc->reset);
#endif
	free(sc, M_DEVBUF);
}
