//! expect: bug assertion
/* main starts resetters without end, so every execution reaches weft's
 * thread limit and the default strategy falls back to sampling.  The
 * setter publishes `ready` after its unlock; a resetter may clear the
 * pair and `ready` between the two, and a later one then finds `ready`
 * set over a cleared pair.  PCT's few priority changes never ran the
 * threads in that order (16,000 executions in 60 s); the fallback's
 * random turns find it within a few thousand cut executions (it said
 * inconclusive (thread-limit) after a thousand).  The shape is SV-COMP's
 * pthread-ext monitor tasks.  limit_mix_monitor_ok.c publishes `ready`
 * under the lock. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int a, b;
static atomic_int ready;

static void *setter(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&m);
	a = 1;
	b = 1;
#ifdef OK
	atomic_store(&ready, 1);
#endif
	pthread_mutex_unlock(&m);
#ifndef OK
	atomic_store(&ready, 1);
#endif
	return NULL;
}

static void *monitor(void *arg)
{
	(void)arg;
	for (;;) {
		pthread_mutex_lock(&m);
		assert(a == b);
		pthread_mutex_unlock(&m);
	}
}

static void *resetter(void *arg)
{
	pthread_mutex_lock(&m);
	if (arg) {
		a = 0;
		b = 0;
		atomic_store(&ready, 0);
	}
	pthread_mutex_unlock(&m);
	pthread_mutex_lock(&m);
	if (atomic_load(&ready))
		assert(a == 1 && b == 1);
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(void)
{
	pthread_t t;
	long n = 0;

	pthread_create(&t, NULL, setter, NULL);
	pthread_create(&t, NULL, monitor, NULL);
	for (;;)
		pthread_create(&t, NULL, resetter, (void *)(n++ & 1));
}
