//! expect: bug assertion
//! args: --strategy=dfs
/* Unlocking a recursive mutex the caller does not hold (another thread
 * holds it, or nobody does) returns EPERM, as POSIX requires and glibc
 * does (weft reported it as misuse).  This program assumes the unlock
 * succeeds; its correct twin, recursive_eperm_ok.c, expects EPERM. */
#include <assert.h>
#include <errno.h>
#include <pthread.h>

#ifdef OK
#define WANT EPERM
#else
#define WANT 0
#endif

static pthread_mutex_t m;

static void *other(void *a)
{
	assert(pthread_mutex_unlock(&m) == WANT); /* main holds m */
	return a;
}

int main(void)
{
	pthread_mutexattr_t at;
	pthread_t t;

	pthread_mutexattr_init(&at);
	pthread_mutexattr_settype(&at, PTHREAD_MUTEX_RECURSIVE);
	pthread_mutex_init(&m, &at);
	pthread_mutex_lock(&m);
	pthread_create(&t, NULL, other, NULL);
	pthread_join(t, NULL);
	pthread_mutex_unlock(&m);
	assert(pthread_mutex_unlock(&m) == WANT); /* nobody holds m */
	return 0;
}
