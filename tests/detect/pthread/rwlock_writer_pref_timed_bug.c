//! expect: bug assertion
//! args: --strategy=dfs
/* A timed writer of a writer-preferring rwlock keeps new readers out
 * while it waits, and may then time out: main holds the read lock, the
 * writer's timedwrlock waits and times out, and a tryrdlock made while it
 * waited is refused (EBUSY); natively the assertion fails.  weft had the
 * timed writer time out at once (never queued) or wait for good (queued),
 * so the two never met and it was verified (a review's probe).  The
 * writer now queues, and times out in a step of its own.
 * rwlock_writer_pref_timed_ok.c asserts what does hold. */
#define _GNU_SOURCE
#include <assert.h>
#include <errno.h>
#include <pthread.h>
#include <time.h>

static pthread_rwlock_t l = PTHREAD_RWLOCK_WRITER_NONRECURSIVE_INITIALIZER_NP;
static int wres = -1, busy;

static void *writer(void *a)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += 1;
	wres = pthread_rwlock_timedwrlock(&l, &ts);
	if (wres == 0)
		pthread_rwlock_unlock(&l);
	return a;
}

static void *trier(void *a)
{
	if (pthread_rwlock_tryrdlock(&l) == EBUSY)
		busy = 1;
	else
		pthread_rwlock_unlock(&l);
	return a;
}

int main(void)
{
	pthread_t w, t;

	pthread_rwlock_rdlock(&l);
	pthread_create(&w, NULL, writer, NULL);
	pthread_create(&t, NULL, trier, NULL);
	pthread_join(t, NULL);
	pthread_join(w, NULL);
	pthread_rwlock_unlock(&l);
#ifdef OK
	/* main's read hold outlasts the writer's wait: it never gets in. */
	assert(wres == ETIMEDOUT);
#else
	assert(!(busy && wres == ETIMEDOUT));
#endif
	return 0;
}
