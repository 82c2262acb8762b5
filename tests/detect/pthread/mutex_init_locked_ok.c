//! expect: verified
//! args: strategy=dfs
/* The correct twin of mutex_init_locked_bug.c: the statistics are reset
 * once the sampler is gone, with a destroy before the new init. */
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
	pthread_join(t, NULL);
	pthread_mutex_destroy(&stats_lock);
	pthread_mutex_init(&stats_lock, NULL);
	pthread_mutex_lock(&stats_lock);
	samples = 0;
	pthread_mutex_unlock(&stats_lock);
	pthread_mutex_destroy(&stats_lock);
	return (int)samples;
}
