//! expect: bug data-race
/* An adaptive lock that gives up: the worker tries the mutex 100 times
 * and then updates the counter without it.  The fallback needs the
 * holder to keep the mutex through all 100 tries, 100 unfair
 * continuations of the worker's spin where fair scheduling allows
 * --fair-bound of them (deepened to 64 here): weft verified it (a
 * probe's false verified).  A give-up probe runs the worker alone from
 * where the bound cut it, through its tries to the unlocked update.
 * retry_trylock_giveup_ok.c blocks on the mutex instead. */
#include <assert.h>
#include <pthread.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int counter;

static void *worker(void *arg)
{
	int tries = 0;

	(void)arg;
	while (pthread_mutex_trylock(&m) != 0) {
		if (++tries == 100) {
#ifdef OK
			pthread_mutex_lock(&m);
			break;
#else
			counter++; /* the fallback, without the lock */
			return NULL;
#endif
		}
	}
	counter++;
	pthread_mutex_unlock(&m);
	return NULL;
}

static void *holder(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&m);
	counter++;
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, holder, NULL);
	pthread_create(&b, NULL, worker, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	assert(counter == 2);
	return 0;
}
