//! expect: bug assertion
//! args: --strategy=dfs
/* The worker stores data and then started, both relaxed: nothing orders
 * its store of data before main's load of it, which may read the older 0
 * even after main saw started.  Between the two, main polls a flag 200
 * times alone (the worker waits for a lock main holds): past 64 rounds a
 * spin while no other thread can run goes on alone.  A first version of the lone spin
 * kept running alone after that loop and gave the load of data only the
 * latest store: verified (a review's probe, with 20,000 polls).
 * lone_poll_relaxed_ok.c stores with release and loads with acquire. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

#ifdef LONE_POLL_RELAXED_OK
#define ST memory_order_release
#define LD memory_order_acquire
#else
#define ST memory_order_relaxed
#define LD memory_order_relaxed
#endif

static atomic_int flag, data, started;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
	(void)arg;
	atomic_store_explicit(&data, 1, memory_order_relaxed);
	atomic_store_explicit(&started, 1, ST);
	pthread_mutex_lock(&m); /* waits until main is done: main polls alone */
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(void)
{
	pthread_t t;
	int i, d;

	pthread_mutex_lock(&m);
	pthread_create(&t, NULL, worker, NULL);
	while (!atomic_load_explicit(&started, LD))
		;
	for (i = 0; i < 200; i++)
		if (atomic_load_explicit(&flag, memory_order_relaxed))
			break;
	d = atomic_load_explicit(&data, memory_order_relaxed);
	pthread_mutex_unlock(&m);
	pthread_join(t, NULL);
	assert(d == 1);
	return 0;
}
