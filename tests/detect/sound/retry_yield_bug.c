//! expect: bug assertion
/* A bounded retry loop: the worker tries the lock five times, yielding
 * between tries, and then takes its error path (here an assertion).  The
 * error needs the worker to fail four times in a row while the holder,
 * which could run, keeps the lock: four unfair continuations.  The
 * default --fair-bound of 1 verified it, and counting the failed try and
 * the yield after it as two continuations hid it up to a bound of 8; the
 * default strategy now deepens the bound and finds it.
 * retry_yield_ok.c falls back to a blocking lock instead. */
#include <assert.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int work;

static void *holder(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&m);
	work++;
	pthread_mutex_unlock(&m);
	return NULL;
}

static void *worker(void *arg)
{
	(void)arg;
	for (int i = 0; i < 5; i++) {
		if (pthread_mutex_trylock(&m) == 0) {
			work++;
			pthread_mutex_unlock(&m);
			return NULL;
		}
		sched_yield();
	}
#ifdef OK
	pthread_mutex_lock(&m);
	work++;
	pthread_mutex_unlock(&m);
#else
	assert(!"gave up on the lock");
#endif
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, holder, NULL);
	pthread_create(&b, NULL, worker, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("work %d\n", work);
	return 0;
}
