//! expect: bug data-race
//! args: --strategy=dfs --starve-bound=1000
/* As busy_worker_ok, but main reads the worker's result before joining
 * it: the read races with the worker's write after its loop. */
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
	int seen;

	pthread_create(&t, NULL, worker, NULL);
	atomic_store(&stop, 1);
	seen = result;
	pthread_join(t, NULL);
	return seen == 0 || seen == 1 ? 0 : 1;
}
