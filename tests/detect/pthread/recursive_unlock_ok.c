//! expect: verified
//! args: --strategy=dfs
/* Each thread balances its locks of a recursive mutex: two locks, two
 * unlocks, so the mutex is free whenever another thread takes it.  The
 * buggy twin, recursive_unlock_bug.c, unlocks once more than it locked. */
#define _GNU_SOURCE /* the _np extensions, as a program using them defines */
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
