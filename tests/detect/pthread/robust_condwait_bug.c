//! expect: bug assertion
//! args: --strategy=dfs
/* A condition wait on a robust mutex whose signaller ends holding it after
 * signalling: glibc's wait relocks the mutex and returns EOWNERDEAD, the
 * mutex inconsistent.  The waiter here asserts that the wait returned 0
 * (glibc 2.36 fails it natively; weft returned 0 and verified it).  The
 * correct twin, robust_condwait_ok.c, repairs the mutex when the wait
 * says so; a waiter that ignored it would unlock the mutex inconsistent,
 * and main's lock would fail with ENOTRECOVERABLE. */
#include <assert.h>
#include <errno.h>
#include <pthread.h>

static pthread_mutex_t m;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int ready;

static void *sig(void *a)
{
	pthread_mutex_lock(&m);
	ready = 1;
	pthread_cond_signal(&cv);
	return a; /* ends holding m */
}

static void *waiter(void *a)
{
	if (pthread_mutex_lock(&m) == EOWNERDEAD)
		pthread_mutex_consistent(&m);
	while (!ready) {
		int r = pthread_cond_wait(&cv, &m);
#ifdef OK
		if (r == EOWNERDEAD)
			pthread_mutex_consistent(&m);
		else
			assert(r == 0);
#else
		assert(r == 0);
#endif
	}
	pthread_mutex_unlock(&m);
	return a;
}

int main(void)
{
	pthread_mutexattr_t at;
	pthread_t s, w;
	int r;

	pthread_mutexattr_init(&at);
	pthread_mutexattr_setrobust(&at, PTHREAD_MUTEX_ROBUST);
	pthread_mutex_init(&m, &at);
	pthread_create(&w, NULL, waiter, NULL);
	pthread_create(&s, NULL, sig, NULL);
	pthread_join(s, NULL);
	pthread_join(w, NULL);
	/* The waiter left only after taking m from the dead signaller and
	 * repairing it. */
	r = pthread_mutex_lock(&m);
	assert(r == 0);
	pthread_mutex_unlock(&m);
	return 0;
}
