//! expect: verified
/* pthread_atfork handlers that take and release the program's mutex, in a
 * program that never forks.  glibc ran them at weft's own forks (its
 * worker processes), outside any execution, and weft stopped with "the
 * program took a different path when re-run with the same decisions"
 * and no verdict; weft now keeps them and runs them at the program's own
 * fork only (src/pthread/atfork.c). */
#include <pthread.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void pre(void)
{
	pthread_mutex_lock(&m);
}

static void post(void)
{
	pthread_mutex_unlock(&m);
}

static void *worker(void *a)
{
	pthread_mutex_lock(&m);
	pthread_mutex_unlock(&m);
	return a;
}

int main(void)
{
	pthread_t t;

	pthread_atfork(pre, post, post);
	pthread_create(&t, NULL, worker, NULL);
	pthread_mutex_lock(&m);
	pthread_mutex_unlock(&m);
	pthread_join(t, NULL);
	return 0;
}
