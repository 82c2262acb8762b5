//! expect: bug deadlock
/* The stdio writers are cancellation points: POSIX lets printf, fputs,
 * fwrite, fflush and the rest be one, and glibc's are whenever they write
 * the descriptor (each line of a terminal's stdout, fflush).  weft acted
 * on no request there: a worker that printed its progress under a mutex,
 * with no cleanup handler, cancelled in the printf or the fflush, left
 * the mutex locked and main's lock hung, and that was verified (a probe).
 * cancel_stdio_ok.c disables cancellation around the locked region. */
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int state;

static void *worker(void *a)
{
	(void)a;
	for (int i = 0; i < 2; i++) {
#ifdef OK
		int old;

		pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
#endif
		pthread_mutex_lock(&m);
		state++;
		printf("state %d\n", state);
		fflush(stdout);
		pthread_mutex_unlock(&m);
#ifdef OK
		pthread_setcancelstate(old, NULL);
#endif
		pthread_testcancel();
	}
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, worker, NULL);
	pthread_cancel(t);
	pthread_join(t, NULL);
	pthread_mutex_lock(&m);
	pthread_mutex_unlock(&m);
	return 0;
}
