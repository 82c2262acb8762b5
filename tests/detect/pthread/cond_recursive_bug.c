//! expect: bug misuse
/* A thread waits on a condition variable holding a recursive mutex twice
 * (a helper took it again).  glibc's wait releases one level only: the
 * mutex stays held, the signaller blocks on it forever.  weft released it
 * whole and verified the program, which hangs natively.
 * cond_recursive_ok.c waits holding it once. */
#include <pthread.h>

static pthread_mutex_t m;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int ready;

static void *signaller(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&m);
	ready = 1;
	pthread_cond_signal(&c);
	pthread_mutex_unlock(&m);
	return NULL;
}

static void wait_ready(void)
{
	pthread_mutex_lock(&m);
	while (!ready)
		pthread_cond_wait(&c, &m);
	pthread_mutex_unlock(&m);
}

int main(void)
{
	pthread_mutexattr_t a;
	pthread_t t;

	pthread_mutexattr_init(&a);
	pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
	pthread_mutex_init(&m, &a);
	pthread_create(&t, NULL, signaller, NULL);
#ifdef OK
	wait_ready();
#else
	pthread_mutex_lock(&m);
	wait_ready();
	pthread_mutex_unlock(&m);
#endif
	pthread_join(t, NULL);
	return 0;
}
