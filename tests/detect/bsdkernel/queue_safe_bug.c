// A driver's detach frees the requests left on its lists.  The bug twin
// walks the tail queue with TAILQ_FOREACH, which reads the next link of
// the element it has just freed; the correct twin (queue_safe_ok.c) uses
// the _SAFE traversals of each list type, which FreeBSD's <sys/queue.h>
// has and glibc's, which weft's tree used, had not (the driver failed to
// compile: a FreeBSD probe).  The requests are queued by a taskqueue
// thread started at PI_NET (<sys/priority.h>, missing too).
//! expect: bug use-after-free
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/malloc.h>
#include <sys/priority.h>
#include <sys/queue.h>
#include <sys/taskqueue.h>

struct req {
	TAILQ_ENTRY(req) link;
	LIST_ENTRY(req) hash;
	STAILQ_ENTRY(req) done;
	SLIST_ENTRY(req) free;
	int id;
};
TAILQ_HEAD(req_list, req);

struct softc {
	struct mtx lock;
	struct taskqueue *tq;
	struct task fill;
	struct req_list pending;
	LIST_HEAD(, req) by_id;
	STAILQ_HEAD(, req) completed;
	SLIST_HEAD(, req) spare;
};

static void fill_task(void *arg, int pending)
{
	struct softc *sc = arg;

	(void)pending;
	for (int i = 0; i < 4; i++) {
		struct req *r = malloc(sizeof(*r), M_DEVBUF, M_WAITOK | M_ZERO);

		r->id = i;
		mtx_lock(&sc->lock);
		TAILQ_INSERT_TAIL(&sc->pending, r, link);
		mtx_unlock(&sc->lock);
	}
}

static void detach(struct softc *sc)
{
	struct req *r;
#ifdef OK
	struct req *tmp;
	int n = 0;

	/* Every request goes on each of the other lists in turn, by the
	 * _SAFE traversal of the one before, and is freed by the last. */
	TAILQ_FOREACH_REVERSE_SAFE(r, &sc->pending, req_list, link, tmp) {
		TAILQ_REMOVE(&sc->pending, r, link);
		LIST_INSERT_HEAD(&sc->by_id, r, hash);
	}
	LIST_FOREACH_SAFE(r, &sc->by_id, hash, tmp) {
		LIST_REMOVE(r, hash);
		STAILQ_INSERT_TAIL(&sc->completed, r, done);
	}
	STAILQ_FOREACH_SAFE(r, &sc->completed, done, tmp) {
		STAILQ_REMOVE(&sc->completed, r, req, done);
		SLIST_INSERT_HEAD(&sc->spare, r, free);
	}
	SLIST_FOREACH_SAFE(r, &sc->spare, free, tmp) {
		SLIST_REMOVE(&sc->spare, r, req, free);
		TAILQ_INSERT_TAIL(&sc->pending, r, link);
	}
	TAILQ_FOREACH_SAFE(r, &sc->pending, link, tmp) {
		TAILQ_REMOVE(&sc->pending, r, link);
		free(r, M_DEVBUF);
		n++;
	}
	KASSERT(n == 4, ("freed %d requests", n));
#else
	TAILQ_FOREACH(r, &sc->pending, link) {
		TAILQ_REMOVE(&sc->pending, r, link);
		free(r, M_DEVBUF);
	}
#endif
}

WEFT_TEST(queue_safe)
{
	struct softc *sc = malloc(sizeof(*sc), M_DEVBUF, M_WAITOK | M_ZERO);

	mtx_init(&sc->lock, "sc", NULL, MTX_DEF);
	TAILQ_INIT(&sc->pending);
	LIST_INIT(&sc->by_id);
	STAILQ_INIT(&sc->completed);
	SLIST_INIT(&sc->spare);
	TASK_INIT(&sc->fill, 0, fill_task, sc);
	sc->tq = taskqueue_create("sc", M_WAITOK, taskqueue_thread_enqueue,
				  &sc->tq);
	taskqueue_start_threads(&sc->tq, 1, PI_NET, "sc taskq");
	taskqueue_enqueue(sc->tq, &sc->fill);
	taskqueue_drain(sc->tq, &sc->fill);
	taskqueue_free(sc->tq);
	detach(sc);
	mtx_destroy(&sc->lock);
	free(sc, M_DEVBUF);
}
