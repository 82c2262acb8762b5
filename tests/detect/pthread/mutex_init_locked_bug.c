//! expect: bug misuse
//! args: strategy=dfs
/* Resetting the statistics re-initialises their mutex while the sampler
 * thread may hold it.  mutex_init_locked_ok.c joins the sampler first and
 * destroys the mutex before initialising it again. */
#include <pthread.h>

static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static long samples;

static void *sampler(void *arg)
{
	(void)arg;
	for (int i = 0; i < 2; i++) {
		pthread_mutex_lock(&stats_lock);
		samples++;
		pthread_mutex_unlock(&stats_lock);
	}
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, sampler, NULL);
	pthread_mutex_init(&stats_lock, NULL); /* reset: the sampler runs */
	samples = 0;
	pthread_join(t, NULL);
	return 0;
}
