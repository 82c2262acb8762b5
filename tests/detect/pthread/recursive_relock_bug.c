//! expect: bug assertion
/* main takes a recursive mutex, checks that the writer has not run, yields,
 * and takes the mutex again; the writer may take it before main's first
 * lock, so the assertion can fail.  The re-lock was recorded as the
 * mutex's latest acquisition, and the writer's blocked lock raced only
 * with it, a reversal that cannot run (main holds the mutex): the
 * default search verified this in one schedule (found by a probe of the
 * FreeBSD models; with no step between the two locks it was found).
 * recursive_relock_ok.c takes the mutex before it starts the writer. */
#include <assert.h>
#include <pthread.h>
#include <sched.h>

static pthread_mutex_t m;
static int val;

static void *writer(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&m);
	val = 1;
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(void)
{
	pthread_t t;
	pthread_mutexattr_t a;

	pthread_mutexattr_init(&a);
	pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
	pthread_mutex_init(&m, &a);
#ifdef OK
	pthread_mutex_lock(&m);
	pthread_create(&t, NULL, writer, NULL);
#else
	pthread_create(&t, NULL, writer, NULL);
	pthread_mutex_lock(&m);
#endif
	assert(val == 0);
	sched_yield();
	pthread_mutex_lock(&m);
	pthread_mutex_unlock(&m);
	pthread_mutex_unlock(&m);
	pthread_join(t, NULL);
	return 0;
}
