//! expect: verified
//! args: strategy=dfs
/* The correct twin of cond_destroy_waiter_bug.c: a broadcast wakes both
 * workers, so none is blocked on the condition variable when main
 * destroys it. */
#include <pthread.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t go = PTHREAD_COND_INITIALIZER;
static int started;

static void *worker(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&lock);
	while (!started)
		pthread_cond_wait(&go, &lock);
	pthread_mutex_unlock(&lock);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, worker, NULL);
	pthread_create(&b, NULL, worker, NULL);
	pthread_mutex_lock(&lock);
	started = 1;
	pthread_cond_broadcast(&go);
	pthread_mutex_unlock(&lock);
	pthread_cond_destroy(&go);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
