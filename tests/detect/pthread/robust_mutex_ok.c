//! expect: verified
//! args: --strategy=dfs
/* A robust mutex whose owner ends while holding it (a worker's error path
 * returns without unlocking).  Whoever locks it next, the other worker
 * (perhaps already waiting) or main, gets EOWNERDEAD, repairs the shared
 * state and calls pthread_mutex_consistent.  weft did not model robust
 * mutexes and reported this correct program as a deadlock.
 * robust_mutex_bug.c forgets the pthread_mutex_consistent. */
#include <assert.h>
#include <errno.h>
#include <pthread.h>

static pthread_mutex_t lock;
static int items, torn;

static void take(void)
{
	int r = pthread_mutex_lock(&lock);

	assert(r == 0 || r == EOWNERDEAD);
	if (r == EOWNERDEAD) {
		torn = 0;
		pthread_mutex_consistent(&lock);
	}
	assert(!torn);
}

static void *crasher(void *arg)
{
	take();
	torn = 1;
	return arg;    /* the error path: dies holding the lock */
}

static void *worker(void *arg)
{
	take();
	items++;
	pthread_mutex_unlock(&lock);
	return arg;
}

int main(void)
{
	pthread_mutexattr_t attr;
	pthread_t c, w;

	pthread_mutexattr_init(&attr);
	pthread_mutexattr_setrobust(&attr, PTHREAD_MUTEX_ROBUST);
	pthread_mutex_init(&lock, &attr);
	pthread_mutexattr_destroy(&attr);
	pthread_create(&c, NULL, crasher, NULL);
	pthread_create(&w, NULL, worker, NULL);
	pthread_join(c, NULL);
	pthread_join(w, NULL);
	take();
	items++;
	pthread_mutex_unlock(&lock);
	pthread_mutex_destroy(&lock);
	return items == 2 ? 0 : 1;
}
