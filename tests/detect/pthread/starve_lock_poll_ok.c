//! expect: verified
//! args: --strategy=dfs --starve-bound=1000
/* main polls a flag under a mutex (lock, read, unlock) until the worker
 * sets it.  The loop writes (it takes the mutex), so it is no spin, and
 * only --starve-bound makes main wait for the worker.  Every other step
 * of the loop holds the mutex the worker waits for, and the count of
 * main's steps started again whenever nobody else could run: it came
 * round to a step holding the mutex every time, main ran alone until
 * --max-steps, and the test was inconclusive (step-limit) even with
 * the bound its message suggests.  starve_lock_poll_bug reads the
 * worker's result, written after the unlock, without the mutex. */
#include <pthread.h>
#include <assert.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int flag, result;

static void *worker(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&m);
#ifndef STARVE_LOCK_POLL_BUG
	result = 1;
#endif
	flag = 1;
	pthread_mutex_unlock(&m);
#ifdef STARVE_LOCK_POLL_BUG
	result = 1;
#endif
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
