//! expect: bug assertion
//! args: --strategy=dfs
/* A robust mutex whose owner died; main and a thread race to lock it.
 * Whoever comes first gets EOWNERDEAD; main then gives up without
 * pthread_mutex_consistent, so the mutex becomes unrecoverable and the
 * thread's lock, when it comes second, fails with ENOTRECOVERABLE.  The
 * thread assumes it never sees EOWNERDEAD, which fails when it locks
 * first.  The refusal with ENOTRECOVERABLE was no step on the mutex, so
 * the search never ordered the thread's lock first and verified this
 * (glibc 2.36 fails it natively).  The correct twin,
 * robust_notrecov_race_ok.c, handles both answers. */
#include <assert.h>
#include <errno.h>
#include <pthread.h>

static pthread_mutex_t n;

static void *die(void *a)
{
	pthread_mutex_lock(&n);
	return a; /* ends holding n */
}

static int take(void)
{
#ifdef TRY
	return pthread_mutex_trylock(&n);
#else
	return pthread_mutex_lock(&n);
#endif
}

static void *user(void *a)
{
	int r = take();

#ifdef OK
	assert(r == EOWNERDEAD || r == ENOTRECOVERABLE);
	if (r == EOWNERDEAD) {
		pthread_mutex_consistent(&n);
		pthread_mutex_unlock(&n);
	}
#else
	assert(r != EOWNERDEAD);
#endif
	return a;
}

int main(void)
{
	pthread_mutexattr_t at;
	pthread_t t, u;

	pthread_mutexattr_init(&at);
	pthread_mutexattr_setrobust(&at, PTHREAD_MUTEX_ROBUST);
	pthread_mutex_init(&n, &at);
	pthread_create(&t, NULL, die, NULL);
	pthread_join(t, NULL);
	pthread_create(&u, NULL, user, NULL);
	if (pthread_mutex_lock(&n) == EOWNERDEAD)
		pthread_mutex_unlock(&n); /* gives up: n is unrecoverable */
	pthread_join(u, NULL);
	return 0;
}
