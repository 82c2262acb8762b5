//! expect: verified
//! args: --strategy=dfs
/* main holds a mutex and spins until the worker raises a flag; the worker
 * first tries the mutex with a one-second deadline.  In a real run the
 * timed lock gives up after a second and the worker raises the flag.  In
 * the branch where the timed lock waits on, main spun to --spin-bound and
 * weft reported a livelock: a thread in a timed wait would time out
 * meanwhile, and that branch is explored, so this one is now cut (a
 * review's probe; the same before).  spin_two_vars_bug.c is a livelock
 * with no timed wait. */
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static atomic_int flag;

static void *worker(void *arg)
{
	struct timespec ts;

	(void)arg;
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += 1;
	if (pthread_mutex_timedlock(&m, &ts) == 0)
		pthread_mutex_unlock(&m);
	atomic_store(&flag, 1);
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_mutex_lock(&m);
	pthread_create(&t, NULL, worker, NULL);
	while (!atomic_load(&flag))
		;
	pthread_mutex_unlock(&m);
	pthread_join(t, NULL);
	return 0;
}
