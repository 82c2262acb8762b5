/* weft oracle case (generated from lock_order_deadlock.json by check.py --write-cases)
 *
 * lock_order_deadlock: Two threads take two mutexes in opposite orders:
 * an ABBA deadlock, reachable with one preemption. */
#include <assert.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <weft/weft.h>

pthread_mutex_t m0 = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t m1 = PTHREAD_MUTEX_INITIALIZER;
pthread_t th[3];

static void *t1(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&m0);
	pthread_mutex_lock(&m1);
	pthread_mutex_unlock(&m1);
	pthread_mutex_unlock(&m0);
	return NULL;
}

static void *t2(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&m1);
	pthread_mutex_lock(&m0);
	pthread_mutex_unlock(&m0);
	pthread_mutex_unlock(&m1);
	return NULL;
}

int main(void)
{
	pthread_create(&th[1], NULL, t1, NULL);
	pthread_create(&th[2], NULL, t2, NULL);
	pthread_join(th[1], NULL);
	pthread_join(th[2], NULL);
	return 0;
}
