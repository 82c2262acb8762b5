//! expect: bug misuse
//! args: strategy=dfs
/* Two workers wait for the start signal, but main signals only one of
 * them and then destroys the condition variable the other may still be
 * blocked on.  cond_destroy_waiter_ok.c broadcasts: after a broadcast no
 * thread is blocked on the condition variable, and POSIX allows destroying
 * it at once. */
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
	pthread_cond_signal(&go); /* wakes one waiter only */
	pthread_mutex_unlock(&lock);
	pthread_cond_destroy(&go);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
