//! expect: verified
//! args: --strategy=dfs
/* The correct twin of fortify_bug.c: the checked strcpy and the strlen of
 * the shared buffer both hold the mutex. */
#ifndef _FORTIFY_SOURCE
#define _FORTIFY_SOURCE 2
#endif
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static char state[32] = "idle";
static char next[32] = "running";
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
	pthread_mutex_lock(&lock);
	strcpy(state, arg);
	pthread_mutex_unlock(&lock);
	return NULL;
}

int main(void)
{
	pthread_t t;
	size_t n;

	pthread_create(&t, NULL, worker, next);
	pthread_mutex_lock(&lock);
	n = strlen(state);
	pthread_mutex_unlock(&lock);
	pthread_join(t, NULL);
	printf("%zu\n", n);
	return 0;
}
