//! expect: bug assertion
//! args: --strategy=dfs
/* The twin of robust_mutex_ok.c whose recovery from EOWNERDEAD forgets
 * pthread_mutex_consistent: the unlock after it leaves the mutex
 * unrecoverable, and the next lock fails with ENOTRECOVERABLE (the
 * assertion in take).  weft reported a deadlock here, as for the correct
 * twin. */
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
