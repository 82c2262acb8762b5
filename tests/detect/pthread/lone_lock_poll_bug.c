//! expect: bug livelock
//! args: --strategy=dfs
/* A worker polls a flag under a mutex, unlocking and taking it again at
 * each round, and nobody ever sets the flag: the main thread waits in
 * pthread_join, so the worker runs alone.  Its unlock wakes nobody and
 * its lock takes back what nobody else could take, so the pair changes
 * nothing another thread can see: the poll is a spin and a livelock, as
 * the same poll with an atomic load is.  Counted as progress, the pair
 * made this an inconclusive step limit under every strategy, with any
 * --max-steps (an SV-COMP-style probe).  lone_lock_poll_ok.c sets the
 * flag from the main thread, which can take the mutex between the
 * worker's rounds: no spin there. */
#include <pthread.h>
#ifdef LONE_LOCK_POLL_YIELD
#include <sched.h>
#endif

static int ready;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *poller(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&m);
	while (!ready) {
		pthread_mutex_unlock(&m);
#ifdef LONE_LOCK_POLL_YIELD
		sched_yield();
#endif
		pthread_mutex_lock(&m);
	}
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, poller, NULL);
#ifdef OK
	pthread_mutex_lock(&m);
	ready = 1;
	pthread_mutex_unlock(&m);
#endif
	pthread_join(t, NULL);
	return 0;
}
