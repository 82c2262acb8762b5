//! expect: bug deadlock
/* glibc's thrd_t is a pthread_t and cnd_wait is pthread_cond_wait, a
 * cancellation point: a cancelled waiter leaves with its mutex taken
 * back, and a cleanup handler must unlock it.  weft's cnd_wait and
 * cnd_timedwait were no cancellation points: the join was a false
 * deadlock (a probe).  This waiter has no handler, and main's lock of the
 * mutex deadlocks; c11_cnd_cancel_ok.c unlocks it in a handler. */
#include <pthread.h>
#include <threads.h>

static mtx_t m;
static cnd_t c;
static int ready;

static void unlock_cb(void *p)
{
	mtx_unlock(p);
}

static int worker(void *a)
{
	(void)a;
	mtx_lock(&m);
#ifdef OK
	pthread_cleanup_push(unlock_cb, &m);
#endif
	while (!ready)
		cnd_wait(&c, &m);
#ifdef OK
	pthread_cleanup_pop(1);
#else
	(void)unlock_cb;
	mtx_unlock(&m);
#endif
	return 0;
}

int main(void)
{
	thrd_t t;

	mtx_init(&m, mtx_plain);
	cnd_init(&c);
	thrd_create(&t, worker, NULL);
	pthread_cancel((pthread_t)t);
	pthread_join((pthread_t)t, NULL);
	mtx_lock(&m);
	ready = 1;
	mtx_unlock(&m);
	return 0;
}
