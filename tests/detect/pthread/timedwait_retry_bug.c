//! expect: bug assertion
/* timedwait_retry_ok.c where the worker publishes ready before value:
 * main can see ready and read the old value. */
#include <assert.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int ready, value;

static void *worker(void *a)
{
	(void)a;
	pthread_mutex_lock(&m);
	ready = 1;
	pthread_cond_signal(&c);
	pthread_mutex_unlock(&m);
	pthread_mutex_lock(&m);
	value = 42;
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(void)
{
	pthread_t t;
	int seen;

	pthread_create(&t, NULL, worker, NULL);
	pthread_mutex_lock(&m);
	while (!ready) {
		struct timespec ts;
		int r;
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_sec += 1;
		r = pthread_cond_timedwait(&c, &m, &ts);
		assert(r == 0 || r == ETIMEDOUT);
	}
	seen = value;
	pthread_mutex_unlock(&m);
	pthread_join(t, NULL);
	assert(seen == 42);
	printf("ok %d\n", seen);
	return 0;
}
