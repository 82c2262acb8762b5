//! expect: bug assertion
//! args: --strategy=dfs
/* clocklock_ok.c's mutex wait, where main takes a return of
 * pthread_mutex_clocklock for granted: the worker may hold m until the
 * deadline passes, and the call then returns ETIMEDOUT. */
#define _GNU_SOURCE /* the _np extensions, as a program using them defines */
#include <assert.h>
#include <pthread.h>
#include <time.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int counter;

static void *worker(void *a)
{
	(void)a;
	pthread_mutex_lock(&m);
	counter++;
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(void)
{
	struct timespec ts;
	pthread_t t;

	pthread_create(&t, NULL, worker, NULL);
	clock_gettime(CLOCK_MONOTONIC, &ts);
	ts.tv_sec += 1;
	assert(pthread_mutex_clocklock(&m, CLOCK_MONOTONIC, &ts) == 0);
	counter++;
	pthread_mutex_unlock(&m);
	pthread_join(t, NULL);
	return 0;
}
