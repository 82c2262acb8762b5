//! expect: bug assertion
//! args: --strategy=dfs --starve-bound=1000
/* starve_lock_poll_ok's poll of a flag under a mutex, but the worker
 * writes its result after the unlock: main may read it first. */
#include <pthread.h>
#include <assert.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int flag, result;

static void *worker(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&m);
	flag = 1;
	pthread_mutex_unlock(&m);
	result = 1;
	return NULL;
}

static int get_flag(void)
{
	pthread_mutex_lock(&m);
	int f = flag;
	pthread_mutex_unlock(&m);
	return f;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, worker, NULL);
	while (!get_flag())
		;
	assert(result == 1);
	pthread_join(t, NULL);
	return 0;
}
