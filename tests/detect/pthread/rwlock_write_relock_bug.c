//! expect: bug assertion
//! args: --strategy=dfs
/* A read or write lock asked for by the thread that holds the rwlock for
 * writing fails with EDEADLK (glibc; POSIX allows it), and the try forms
 * with EBUSY; weft reported a deadlock.  This program assumes its second
 * write lock succeeded; the correct twin, rwlock_write_relock_ok.c,
 * expects the errors. */
#include <assert.h>
#include <errno.h>
#include <pthread.h>
#include <time.h>

static pthread_rwlock_t l = PTHREAD_RWLOCK_INITIALIZER;

static void *t(void *a)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += 1;
	assert(pthread_rwlock_wrlock(&l) == 0);
#ifdef OK
	assert(pthread_rwlock_wrlock(&l) == EDEADLK);
#else
	assert(pthread_rwlock_wrlock(&l) == 0);
#endif
	assert(pthread_rwlock_rdlock(&l) == EDEADLK);
	assert(pthread_rwlock_timedwrlock(&l, &ts) == EDEADLK);
	assert(pthread_rwlock_timedrdlock(&l, &ts) == EDEADLK);
	assert(pthread_rwlock_trywrlock(&l) == EBUSY);
	assert(pthread_rwlock_tryrdlock(&l) == EBUSY);
	assert(pthread_rwlock_unlock(&l) == 0);
	return a;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, t, NULL);
	pthread_create(&b, NULL, t, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
