//! expect: verified
//! args: --strategy=dfs
/* What a thread returns reaches pthread_join, whether its start routine
 * returns or calls pthread_exit (from a nested function too); a detached
 * thread may end with pthread_exit; thread-specific data destructors run
 * when a thread ends either way.  The buggy twin is thread_ret_bug.c. */
#include <assert.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_key_t key;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int destroyed, detached_done;

static void dtor(void *v)
{
	pthread_mutex_lock(&lock);
	destroyed += (int)(intptr_t)v;
	pthread_mutex_unlock(&lock);
}

static void *returns(void *arg)
{
	int *r = malloc(sizeof *r);

	pthread_setspecific(key, (void *)(intptr_t)1);
	*r = (int)(intptr_t)arg * 10;
	return r;
}

static void leave(int v)
{
	pthread_setspecific(key, (void *)(intptr_t)100);
	pthread_exit((void *)(intptr_t)v);
}

static void *exits(void *arg)
{
	leave((int)(intptr_t)arg + 1);
	return NULL;
}

static void *detached(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&lock);
	detached_done = 1;
	pthread_cond_signal(&cond);
	pthread_mutex_unlock(&lock);
	pthread_exit(NULL);
}

int main(void)
{
	pthread_t a, b, d;
	pthread_attr_t attr;
	void *ra, *rb;

	pthread_key_create(&key, dtor);
	pthread_create(&a, NULL, returns, (void *)(intptr_t)4);
	pthread_create(&b, NULL, exits, (void *)(intptr_t)6);
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	pthread_create(&d, &attr, detached, NULL);
	pthread_attr_destroy(&attr);
	pthread_join(a, &ra);
	pthread_join(b, &rb);
	assert(ra && *(int *)ra == 40);
	assert((intptr_t)rb == 7);
	free(ra);
	pthread_mutex_lock(&lock);
	while (!detached_done)
		pthread_cond_wait(&cond, &lock);
	assert(destroyed == 101);
	pthread_mutex_unlock(&lock);
	printf("returned %d and %d\n", 40, (int)(intptr_t)rb);
	return 0;
}
