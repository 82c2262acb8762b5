// A link-state poller: a callout bound to the softc mutex fires and
// defers the slow work to the system taskqueue, taskqueue_thread.  Detach
// must stop the producer before it drains the consumer: the bug twin
// drains the task first, so the callout queues it again after
// taskqueue_drain returned and the task runs on the freed softc.  The
// correct twin (callout_sysq_detach_ok.c) drains the callout first; it
// was a false deadlock, since the system queue's idle worker, which is
// never destroyed, kept the softclock from retiring after the test
// returned (a FreeBSD probe).
//! expect: bug use-after-free
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/malloc.h>
#include <sys/callout.h>
#include <sys/taskqueue.h>

struct nic_softc {
	struct mtx mtx;
	struct callout poll;
	struct task link_task;
	int link;
	int polls;
};

static void nic_link_task(void *arg, int pending)
{
	struct nic_softc *sc = arg;

	(void)pending;
	mtx_lock(&sc->mtx);
	sc->link = !sc->link;
	mtx_unlock(&sc->mtx);
}

static void nic_poll(void *arg)
{
	struct nic_softc *sc = arg;

	mtx_assert(&sc->mtx, MA_OWNED);
	sc->polls++;
	taskqueue_enqueue(taskqueue_thread, &sc->link_task);
	if (sc->polls < 2)
		callout_reset(&sc->poll, 1, nic_poll, sc);
}

WEFT_TEST(callout_sysq_detach)
{
	struct nic_softc *sc = malloc(sizeof(*sc), M_DEVBUF, M_WAITOK | M_ZERO);

	mtx_init(&sc->mtx, "nic", NULL, MTX_DEF);
	callout_init_mtx(&sc->poll, &sc->mtx, 0);
	TASK_INIT(&sc->link_task, 0, nic_link_task, sc);

	mtx_lock(&sc->mtx);
	callout_reset(&sc->poll, 1, nic_poll, sc);
	mtx_unlock(&sc->mtx);

	/* detach */
#ifdef OK
	callout_drain(&sc->poll);
	taskqueue_drain(taskqueue_thread, &sc->link_task);
#else
	taskqueue_drain(taskqueue_thread, &sc->link_task);
	callout_drain(&sc->poll);
#endif
	mtx_destroy(&sc->mtx);
	free(sc, M_DEVBUF);
}
