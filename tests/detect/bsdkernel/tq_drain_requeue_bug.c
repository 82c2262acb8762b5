//! expect: bug use-after-free
/* taskqueue_drain() waits while the task is pending or running, as
 * FreeBSD's `while (ta_pending != 0 || task_is_running(...))` does: a run
 * queued while it waits is waited for too.  weft's drain waited only for
 * the run queued when it began, so a task that enqueued itself once and a
 * free of the softc after the drain was a false alarm (found by a probe
 * of the FreeBSD models; tq_drain_requeue_ok.c).  Here another thread
 * enqueues the task again after the drain has returned, and the softc is
 * freed under it: the drain cannot have waited for that run. */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/malloc.h>
#include <sys/taskqueue.h>

struct softc {
	struct task tk;
	int n;
};

static struct taskqueue *tq;
static struct mtx m;
#ifndef OK
static int drained, posted;
#endif

static void work(void *arg, int pending)
{
	struct softc *sc = arg;

	(void)pending;
	sc->n++;
#ifdef OK
	if (sc->n == 1)
		taskqueue_enqueue(tq, &sc->tk);
#endif
}

#ifndef OK
/* Enqueues the task once the drain has returned. */
static void poster(void *arg)
{
	struct softc *sc = arg;

	mtx_lock(&m);
	while (!drained)
		msleep(&drained, &m, 0, "drained", 0);
	taskqueue_enqueue(tq, &sc->tk);
	posted = 1;
	wakeup(&posted);
	mtx_unlock(&m);
}
#endif

WEFT_TEST(drain_requeue)
{
	struct softc *sc = malloc(sizeof(*sc), M_DEVBUF, M_WAITOK | M_ZERO);

	mtx_init(&m, "m", NULL, MTX_DEF);
	tq = taskqueue_create("tq", M_WAITOK, taskqueue_thread_enqueue, &tq);
	taskqueue_start_threads(&tq, 1, PWAIT, "tq");
	TASK_INIT(&sc->tk, 0, work, sc);
#ifndef OK
	weft_thread_t th = weft_spawn(poster, sc);
#endif
	taskqueue_enqueue(tq, &sc->tk);
	taskqueue_drain(tq, &sc->tk);
#ifdef OK
	MPASS(sc->n == 2);
#else
	mtx_lock(&m);
	drained = 1;
	wakeup(&drained);
	while (!posted)
		msleep(&posted, &m, 0, "posted", 0);
	mtx_unlock(&m);
#endif
	free(sc, M_DEVBUF);
#ifndef OK
	weft_join(th);
#endif
	taskqueue_free(tq);
	mtx_destroy(&m);
}
