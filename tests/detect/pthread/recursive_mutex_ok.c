//! expect: verified
//! args: --strategy=dfs
/* A recursive mutex excludes other threads while its owner takes it again
 * from a helper that locks it too.  Two mutexes: one made recursive with
 * pthread_mutexattr_settype, one with glibc's static
 * PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP.  Each thread locks twice (and
 * once more with trylock, which succeeds for the owner), checks that no
 * other thread is inside, and unlocks as often; the count reaching 0 frees
 * the mutex for the other thread.  The buggy twin, recursive_mutex_bug.c,
 * has one caller skip the outer lock. */
#define _GNU_SOURCE /* the _np extensions, as a program using them defines */
#include <assert.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>

static pthread_mutex_t rm;
static pthread_mutex_t sm = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
static int inside, total, stat_total;

/* Called with rm held, and takes it again. */
static void add(int v)
{
	pthread_mutex_lock(&rm);
	total += v;
	pthread_mutex_unlock(&rm);
}

static void critical(int v)
{
	pthread_mutex_lock(&rm);
	assert(inside == 0);
	inside = 1;
	sched_yield();
	add(v);
	assert(pthread_mutex_trylock(&rm) == 0);
	inside = 0;
	pthread_mutex_unlock(&rm);
	pthread_mutex_unlock(&rm);

	pthread_mutex_lock(&sm);
	pthread_mutex_lock(&sm);
	stat_total += v;
	pthread_mutex_unlock(&sm);
	pthread_mutex_unlock(&sm);
}

static void *worker(void *arg)
{
	(void)arg;
	critical(2);
	return NULL;
}

int main(void)
{
	pthread_mutexattr_t a;
	pthread_t t;

	pthread_mutexattr_init(&a);
	pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
	pthread_mutex_init(&rm, &a);
	pthread_mutexattr_destroy(&a);
	pthread_create(&t, NULL, worker, NULL);
	critical(1);
	pthread_join(t, NULL);
	assert(total == 3 && stat_total == 3);
	pthread_mutex_destroy(&rm);
	printf("total = %d\n", total);
	return 0;
}
