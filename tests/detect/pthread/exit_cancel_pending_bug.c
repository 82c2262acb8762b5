//! expect: bug assertion
/* A thread leaves by pthread_exit(42) inside a cleanup region whose
 * handler sleeps (a cancellation point) and then unlocks, while a cancel
 * request is pending.  glibc marks the thread exiting in pthread_exit, so
 * no later cancellation point acts: the handler runs to its end and the
 * join sees 42.  weft acted on the request inside the handler: main's
 * lock was a false deadlock (a probe).  The caller here assumes the
 * request wins (PTHREAD_CANCELED): wrong.  exit_cancel_pending_ok.c
 * expects 42. */
#include <assert.h>
#include <pthread.h>
#include <semaphore.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static sem_t started;

static void flush_unlock(void *a)
{
	(void)a;
	usleep(10);
	pthread_mutex_unlock(&m);
}

static void *worker(void *a)
{
	int old;

	(void)a;
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
	sem_post(&started);
	pthread_mutex_lock(&m);
	pthread_cleanup_push(flush_unlock, NULL);
	pthread_setcancelstate(old, NULL);
	pthread_exit((void *)42);
	pthread_cleanup_pop(0);
	return NULL;
}

int main(void)
{
	pthread_t t;
	void *r;

	sem_init(&started, 0, 0);
	pthread_create(&t, NULL, worker, NULL);
	sem_wait(&started);
	pthread_cancel(t);
	pthread_join(t, &r);
	pthread_mutex_lock(&m);
	pthread_mutex_unlock(&m);
#ifdef OK
	assert(r == (void *)42);
#else
	assert(r == PTHREAD_CANCELED);
#endif
	return 0;
}
