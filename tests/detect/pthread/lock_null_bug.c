//! expect: bug crash
//! args: --strategy=dfs
/* A worker locks the mutex main publishes without waiting for it: where
 * it runs first it locks a null pointer, which crashes in weft's model
 * of pthread_mutex_lock as it crashes in glibc natively.  A crash in
 * weft's own code is weft's error (inconclusive, reason internal), but
 * not this one: the pointer was the program's, a misuse of the call
 * (report/crash_owner.c).  lock_null_ok.c publishes the mutex before it
 * starts the worker. */
#include <pthread.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t *_Atomic shared;
static int counter;

static void *worker(void *arg)
{
	pthread_mutex_t *p = shared;

	(void)arg;
	pthread_mutex_lock(p);
	counter++;
	pthread_mutex_unlock(p);
	return NULL;
}

int main(void)
{
	pthread_t t;

#ifdef LOCK_NULL_OK
	shared = &m;
	pthread_create(&t, NULL, worker, NULL);
#else
	pthread_create(&t, NULL, worker, NULL);
	shared = &m;
#endif
	pthread_mutex_lock(&m);
	counter++;
	pthread_mutex_unlock(&m);
	pthread_join(t, NULL);
	return counter != 2;
}
