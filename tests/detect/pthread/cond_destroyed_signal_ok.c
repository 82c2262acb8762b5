//! expect: verified
//! args: strategy=dfs
/* The correct twin of cond_destroyed_signal_bug.c: the producer signals
 * before it unlocks, so main cannot leave its wait loop (it needs the
 * mutex to see `done`) until the signal is over. */
#include <pthread.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t done_cv = PTHREAD_COND_INITIALIZER;
static int done;

static void *producer(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&lock);
	done = 1;
	pthread_cond_signal(&done_cv);
	pthread_mutex_unlock(&lock);
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
