//! expect: verified
//! args: --strategy=dfs
/* A robust mutex set up by a constructor before main (as a library's
 * init would): a worker dies holding it; main recovers with EOWNERDEAD.
 * Robust mutexes were known only when initialised inside an execution,
 * so this one was a normal mutex and main deadlocked. */
#include <assert.h>
#include <errno.h>
#include <pthread.h>

static pthread_mutex_t lock;

__attribute__((constructor)) static void setup(void)
{
	pthread_mutexattr_t a;
	pthread_mutexattr_init(&a);
	pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
	pthread_mutex_init(&lock, &a);
	pthread_mutexattr_destroy(&a);
}

static void *dies(void *arg)
{
	pthread_mutex_lock(&lock);
	return arg;                 /* dies holding it */
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, NULL, dies, NULL);
	pthread_join(t, NULL);
	int r = pthread_mutex_lock(&lock);
	assert(r == EOWNERDEAD);
	pthread_mutex_consistent(&lock);
	pthread_mutex_unlock(&lock);
	return 0;
}
