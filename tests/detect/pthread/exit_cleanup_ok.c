//! expect: verified
/* pthread_exit runs the thread's cleanup handlers, innermost first
 * (POSIX); a handler popped with pthread_cleanup_pop(1) runs at the pop.
 * Here the handlers unlock the mutexes the worker holds when it exits, so
 * main can take them.  weft's pthread_exit ran no handler (glibc keeps
 * them in the OS thread's descriptor, shared by every test thread), and
 * this correct program was a deadlock.  exit_cleanup_bug.c forgets the
 * handler of the second mutex. */
#include <assert.h>
#include <pthread.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t m2 = PTHREAD_MUTEX_INITIALIZER;
static int order[4], n;

static void unlock_first(void *p)
{
	order[n++] = 1;
	pthread_mutex_unlock(p);
}

static __attribute__((unused)) void unlock_second(void *p)
{
	order[n++] = 2;
	pthread_mutex_unlock(p);
}

static void note(void *p)
{
	(void)p;
	order[n++] = 3;
}

static void *worker(void *arg)
{
	pthread_mutex_lock(&m);
	pthread_cleanup_push(unlock_first, &m);
	pthread_cleanup_push(note, NULL);
	pthread_cleanup_pop(1);
	pthread_mutex_lock(&m2);
#ifndef EXIT_CLEANUP_BUG
	pthread_cleanup_push(unlock_second, &m2);
#endif
	if (!arg)
		pthread_exit((void *)7);
#ifndef EXIT_CLEANUP_BUG
	pthread_cleanup_pop(0);
#endif
	pthread_cleanup_pop(0);
	return NULL;
}

int main(void)
{
	pthread_t t;
	void *r;

	pthread_create(&t, NULL, worker, NULL);
	pthread_join(t, &r);
	assert(r == (void *)7);
	pthread_mutex_lock(&m);
	pthread_mutex_lock(&m2);
	assert(n == 3 && order[0] == 3 && order[1] == 2 && order[2] == 1);
	pthread_mutex_unlock(&m2);
	pthread_mutex_unlock(&m);
	return 0;
}
