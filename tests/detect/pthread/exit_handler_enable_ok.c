//! expect: verified
/* glibc: pthread_exit (and acting on a request) sets EXITING_BIT, and no
 * cancellation point acts after it, whatever the cancel state: a cleanup
 * handler that calls pthread_setcancelstate(ENABLE) and then a
 * cancellation point runs to its end.  weft models "exiting" as the
 * state DISABLE, so the handler re-enables cancellation and the pending
 * request acted inside the handler: its end never ran (a review; the
 * exiting mark is now apart from the cancel state). */
#include <assert.h>
#include <pthread.h>
#include <semaphore.h>
#include <unistd.h>

static sem_t requested;
static int handler_done;

static void handler(void *a)
{
	int old;

	(void)a;
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
	/* ... work that must not be cut short ... */
	pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, NULL); (void)old;
	usleep(10); /* a cancellation point: does nothing while exiting */
	handler_done = 1;
}

static void *worker(void *a)
{
	(void)a;
	pthread_cleanup_push(handler, NULL);
	sem_wait(&requested); /* a request may be pending from here on */
	pthread_exit(NULL);
	pthread_cleanup_pop(0);
	return NULL;
}

int main(void)
{
	pthread_t t;

	sem_init(&requested, 0, 0);
	pthread_create(&t, NULL, worker, NULL);
	pthread_cancel(t);
	sem_post(&requested);
	pthread_join(t, NULL);
	assert(handler_done);
	return 0;
}
