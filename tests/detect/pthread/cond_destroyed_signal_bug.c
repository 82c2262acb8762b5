//! expect: bug misuse
//! args: strategy=dfs
/* The producer signals after unlocking.  main can see `done` as soon as
 * the mutex is free (after a spurious wakeup, or without waiting at all),
 * leave, and destroy the condition variable before the producer's
 * pthread_cond_signal reaches it.  cond_destroyed_signal_ok.c signals
 * while still holding the mutex. */
#include <pthread.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t done_cv = PTHREAD_COND_INITIALIZER;
static int done;

static void *producer(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&lock);
	done = 1;
	pthread_mutex_unlock(&lock);
	pthread_cond_signal(&done_cv);
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, producer, NULL);
	pthread_mutex_lock(&lock);
	while (!done)
		pthread_cond_wait(&done_cv, &lock);
	pthread_mutex_unlock(&lock);
	pthread_cond_destroy(&done_cv);
	pthread_join(t, NULL);
	return 0;
}
