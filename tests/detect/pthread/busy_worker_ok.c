//! expect: verified
//! args: --strategy=dfs --starve-bound=1000
/* A worker does atomic work until main tells it to stop.  The first
 * schedule of an exhaustive search runs the worker alone, and it never
 * stops by itself: it writes as it loops, so it is not spinning.  It is
 * inconclusive (step-limit) by default; fair scheduling without yields
 * (--starve-bound) makes it wait for main after 1000 steps, and the search
 * ends verified, saying so.  busy_worker_bug reads the worker's result
 * before the join. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

static atomic_int stop, ticks;
static int result;

static void *worker(void *arg)
{
	(void)arg;
	while (!atomic_load(&stop))
		atomic_fetch_add(&ticks, 1);
	result = 1;
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, worker, NULL);
	atomic_store(&stop, 1);
	pthread_join(t, NULL);
	assert(result == 1);
	return 0;
}
