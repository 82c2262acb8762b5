//! expect: bug assertion
//! args: --strategy=dfs
/* The worker unlocks its recursive mutex once more than it locked it:
 * the extra unlock finds the mutex free or, when main took it in between,
 * held by main.  Both return EPERM, as POSIX requires of a recursive
 * mutex (weft reported them as misuse), and the worker, which expects its
 * unlock to succeed, fails.  The correct twin is recursive_unlock_ok.c. */
#define _GNU_SOURCE /* the _np extensions, as a program using them defines */
#include <assert.h>
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t rm = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
static int total;

static void *worker(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&rm);
	pthread_mutex_lock(&rm);
	total++;
	pthread_mutex_unlock(&rm);
	pthread_mutex_unlock(&rm);
	int r = pthread_mutex_unlock(&rm);
	assert(r == 0);
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, worker, NULL);
	pthread_mutex_lock(&rm);
	total++;
	pthread_mutex_unlock(&rm);
	pthread_join(t, NULL);
	printf("total = %d\n", total);
	return 0;
}
