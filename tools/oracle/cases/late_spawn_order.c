/* weft oracle case (generated from late_spawn_order.json by check.py --write-cases)
 *
 * late_spawn_order: tests/detect/pthread/late_spawn_order_bug.c as a
 * description.  main creates t1, t2 and t3; t2 creates t5 first and
 * joins it last, t1 creates t4 after its trylock of m and joins it; t5
 * and t2 each add 1 to n, t2 then locks and unlocks m, t3 loads n.
 * t1's trylock fails while t2 holds m after reading n == 1 (t5 added
 * first): the assertion is reachable.  weft before commit 5ba2256
 * verified it (dfs, 12 executions): it named threads by the order of
 * their creation, which differs between schedules here (t4 and t5 are
 * created by different threads), and a wakeup sequence recorded in one
 * execution ran another thread in the next. */
#include <assert.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <weft/weft.h>

atomic_int n = 0;
int g_got = -1;
int g_old = -1;
pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
pthread_t th[6];

static void *t4(void *arg)
{
	(void)arg;
	return NULL;
}

static void *t1(void *arg)
{
	int ok = 0;
	(void)arg;
	ok = pthread_mutex_trylock(&m) == 0;
	if (ok) {
		pthread_mutex_unlock(&m);
	}
	g_got = ok;
	pthread_create(&th[4], NULL, t4, NULL);
	pthread_join(th[4], NULL);
	return NULL;
}

static void *t5(void *arg)
{
	int r = 0;
	(void)arg;
	r = atomic_fetch_add(&n, 1);
	return NULL;
}

static void *t2(void *arg)
{
	int r = 0;
	(void)arg;
	pthread_create(&th[5], NULL, t5, NULL);
	r = atomic_fetch_add(&n, 1);
	g_old = r;
	pthread_mutex_lock(&m);
	pthread_mutex_unlock(&m);
	pthread_join(th[5], NULL);
	return NULL;
}

static void *t3(void *arg)
{
	int r = 0;
	(void)arg;
	r = atomic_load(&n);
	return NULL;
}

int main(void)
{
	pthread_create(&th[1], NULL, t1, NULL);
	pthread_create(&th[2], NULL, t2, NULL);
	pthread_create(&th[3], NULL, t3, NULL);
	pthread_join(th[2], NULL);
	pthread_join(th[1], NULL);
	pthread_join(th[3], NULL);
	assert(!(((g_got == 0) && (g_old == 1))));
	return 0;
}
