//! expect: verified
/* Timed waits that must expire: a semaphore nobody posts before the
 * waiter gives up, a mutex its holder keeps until the waiter has given
 * up, a join of a thread that waits for the joiner.  Each call chooses at
 * once whether it times out; in the branch that does not, nothing can
 * wake the waiter, which the real call would end with ETIMEDOUT: the
 * execution is infeasible, not a deadlock (these were reported as
 * deadlocks).  A wait that timed out returns at its deadline.
 * timed_expiry_bug.c mishandles the timeout. */
#define _GNU_SOURCE
#include <assert.h>
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <time.h>

static sem_t ready;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static sem_t gave_up;

static struct timespec soon(void)
{
	struct timespec t;

	clock_gettime(CLOCK_REALTIME, &t);
	t.tv_sec += 1;
	return t;
}

/* A timed wait that timed out returns at its deadline, not before (the
 * virtual clock once moved by a microsecond only). */
static int passed(const struct timespec *deadline)
{
	struct timespec now;

	clock_gettime(CLOCK_REALTIME, &now);
	return now.tv_sec > deadline->tv_sec ||
	       (now.tv_sec == deadline->tv_sec &&
		now.tv_nsec >= deadline->tv_nsec);
}

static void *holder(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&m);
	sem_wait(&gave_up);      /* keeps m until the main thread gave up */
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(void)
{
	pthread_t h;
	struct timespec t;
	int r;

	sem_init(&ready, 0, 0);
	sem_init(&gave_up, 0, 0);
	t = soon();
	r = sem_timedwait(&ready, &t);   /* nobody posts */
	assert(r == -1 && errno == ETIMEDOUT);
	assert(passed(&t));
	pthread_create(&h, NULL, holder, NULL);
	while (pthread_mutex_trylock(&m) == 0) { /* until the holder has it */
		pthread_mutex_unlock(&m);
		sched_yield();
	}
	t = soon();
	r = pthread_mutex_timedlock(&m, &t);
#ifdef BUG
	assert(r == 0);           /* forgets the timeout: "locked" */
#else
	assert(r == ETIMEDOUT && passed(&t));
#endif
	sem_post(&gave_up);
	pthread_join(h, NULL);
	return 0;
}
