//! expect: verified
//! args: strategy=dfs
/* The correct twin of mutex_destroy_waiter_bug.c: the condition variable
 * may go right after the broadcast, the mutex only once the waiter has
 * been joined. */
#include <pthread.h>

static pthread_mutex_t lock;
static pthread_cond_t go;
static int started;

static void *waiter(void *arg)
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
	pthread_t t;

	pthread_mutex_init(&lock, NULL);
	pthread_cond_init(&go, NULL);
	pthread_create(&t, NULL, waiter, NULL);
	pthread_mutex_lock(&lock);
	started = 1;
	pthread_cond_broadcast(&go);
	pthread_mutex_unlock(&lock);
	pthread_cond_destroy(&go);
	pthread_join(t, NULL);
	pthread_mutex_destroy(&lock);
	return 0;
}
