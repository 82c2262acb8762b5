//! expect: bug misuse
//! args: strategy=dfs
/* main announces the start, then tears down the mutex and the condition
 * variable before joining the waiter.  Destroying the condition variable
 * right after the broadcast is allowed (no thread is blocked on it any
 * more), but the woken waiter has still to take the mutex again inside
 * pthread_cond_wait: destroying the mutex then is undefined.
 * mutex_destroy_waiter_ok.c joins the waiter before destroying the mutex. */
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
	pthread_mutex_destroy(&lock); /* the waiter may still re-take it */
	pthread_join(t, NULL);
	return 0;
}
