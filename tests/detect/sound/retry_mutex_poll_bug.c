//! expect: bug assertion
/* A poll under a mutex that gives up: the consumer locks, reads the flag,
 * unlocks and yields, 100 times, then asserts the producer has run.  It
 * fails whenever the producer is slow.  Every round writes (the lock and
 * the unlock), and the first give-up probes ran the spinner alone only
 * until its first write: the loop never gave up and the program was
 * verified (a review found it).  A probe now runs the spinner alone for
 * as long as it can run.  retry_mutex_poll_ok.c waits on a condition
 * variable once its tries are spent. */
#include <assert.h>
#include <pthread.h>
#include <sched.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t set = PTHREAD_COND_INITIALIZER;
static int ready;

static void *producer(void *arg)
{
	pthread_mutex_lock(&m);
	ready = 1;
	pthread_cond_signal(&set);
	pthread_mutex_unlock(&m);
	return arg;
}

static void *consumer(void *arg)
{
	int r = 0;

	for (int i = 0; i < 100 && !r; i++) {
		pthread_mutex_lock(&m);
		r = ready;
		pthread_mutex_unlock(&m);
		if (!r)
			sched_yield();
	}
#ifdef OK
	pthread_mutex_lock(&m);
	while (!ready)
		pthread_cond_wait(&set, &m);
	r = ready;
	pthread_mutex_unlock(&m);
#endif
	assert(r);
	return arg;
}

int main(void)
{
	pthread_t p, c;

	pthread_create(&c, NULL, consumer, NULL);
	pthread_create(&p, NULL, producer, NULL);
	pthread_join(p, NULL);
	pthread_join(c, NULL);
	return 0;
}
