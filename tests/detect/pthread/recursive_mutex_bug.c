//! expect: bug data-race
//! args: --strategy=dfs
/* As recursive_mutex_ok.c, but main calls the helper without taking the
 * outer lock first: the helper's own lock of the recursive mutex protects
 * its update, yet main's read of the counter before it is unprotected and
 * races with the worker's update inside its critical section. */
#define _GNU_SOURCE /* the _np extensions, as a program using them defines */
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t rm = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
static int total, seen;

static void add(int v)
{
	pthread_mutex_lock(&rm);
	total += v;
	pthread_mutex_unlock(&rm);
}

static void *worker(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&rm);
	add(2);
	pthread_mutex_unlock(&rm);
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, worker, NULL);
	seen = total; /* forgot pthread_mutex_lock(&rm) around these two */
	add(1);
	pthread_join(t, NULL);
	printf("total = %d, seen %d\n", total, seen);
	return 0;
}
