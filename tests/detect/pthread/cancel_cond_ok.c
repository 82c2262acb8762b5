//! expect: verified
/* Deferred cancellation of a thread blocked in pthread_cond_wait: the
 * wait takes its mutex back before the thread acts on the request, so
 * the cleanup handler that unlocks it must be pushed around the wait
 * (POSIX's own example).  Here it is, and main can take the mutex after
 * the join, whose value says how the worker ended: cancelled, at the
 * wait or before it, or returned, having seen the flag first.
 * cancel_cond_bug.c forgets the handler.  pthread_cancel was
 * "unsupported" (inconclusive) before weft modelled it. */
#include <assert.h>
#include <pthread.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int ready;

static __attribute__((unused)) void unlock(void *p)
{
	pthread_mutex_unlock(p);
}

static void *worker(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&m);
#ifndef CANCEL_COND_BUG
	pthread_cleanup_push(unlock, &m);
#endif
	while (!ready)
		pthread_cond_wait(&c, &m);
#ifndef CANCEL_COND_BUG
	pthread_cleanup_pop(0);
#endif
	pthread_mutex_unlock(&m);
	return (void *)1;
}

int main(void)
{
	pthread_t t;
	void *r;

	pthread_create(&t, NULL, worker, NULL);
	pthread_mutex_lock(&m);
	ready = 1;
	pthread_cond_signal(&c);
	pthread_mutex_unlock(&m);
	pthread_cancel(t);
	pthread_join(t, &r);
	assert(r == PTHREAD_CANCELED || r == (void *)1);
	pthread_mutex_lock(&m);
	pthread_mutex_unlock(&m);
	return 0;
}
