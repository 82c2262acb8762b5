/* weft oracle case (generated from late_spawn_mutex.json by check.py --write-cases)
 *
 * late_spawn_mutex: tests/detect/pthread/late_spawn_mutex_bug.c as a
 * description.  main creates t1 and t2; t2 creates t3 first, then reads
 * x and n under m; t3 adds 1 to n under m and stores 2 to x after
 * unlocking; t1 reads x, then creates the empty t4 and joins it.  t2
 * can see n == 1 and x == 0 while t1 sees x == 2: the assertion is
 * reachable.  weft before commit 5ba2256 verified it (dfs, 5
 * executions): threads were named by creation order, and t3 and t4,
 * created by different threads, are created in either order. */
#include <assert.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <weft/weft.h>

atomic_int x = 0;
atomic_int n = 0;
int g1x = -1;
int g1n = -1;
int g3x = -1;
pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
pthread_t th[5];

static void *t4(void *arg)
{
	(void)arg;
	return NULL;
}

static void *t1(void *arg)
{
	int r = 0;
	(void)arg;
	r = atomic_load(&x);
	g3x = r;
	pthread_create(&th[4], NULL, t4, NULL);
	pthread_join(th[4], NULL);
	return NULL;
}

static void *t3(void *arg)
{
	int r = 0;
	(void)arg;
	pthread_mutex_lock(&m);
	r = atomic_fetch_add(&n, 1);
	pthread_mutex_unlock(&m);
	atomic_store(&x, 2);
	return NULL;
}

static void *t2(void *arg)
{
	int a = 0, b = 0;
	(void)arg;
	pthread_create(&th[3], NULL, t3, NULL);
	pthread_mutex_lock(&m);
	a = atomic_load(&x);
	b = atomic_load(&n);
	pthread_mutex_unlock(&m);
	g1x = a;
	g1n = b;
	pthread_join(th[3], NULL);
	return NULL;
}

int main(void)
{
	pthread_create(&th[1], NULL, t1, NULL);
	pthread_create(&th[2], NULL, t2, NULL);
	pthread_join(th[2], NULL);
	pthread_join(th[1], NULL);
	assert(!((((g1x == 0) && (g1n == 1)) && (g3x == 2))));
	return 0;
}
