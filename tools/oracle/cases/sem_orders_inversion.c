/* weft oracle case (generated from sem_orders_inversion.json by check.py --write-cases)
 *
 * sem_orders_inversion: Oracle seed 394131788: main takes m1 then m0,
 * t1 takes m0 then m1, but t1 first waits on a semaphore that only t2
 * posts, and t2 is created after main's locked section: the inverted
 * orders never overlap, so no bug (weft once reported a lock-order
 * cycle here). */
#include <assert.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <weft/weft.h>

atomic_int x0 = 0;
atomic_int x1 = 0;
pthread_mutex_t m0 = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t m1 = PTHREAD_MUTEX_INITIALIZER;
sem_t s0;
pthread_t th[3];

static void *t1(void *arg)
{
	int r0 = 0, r1 = 0;
	(void)arg;
	sem_wait(&s0);
	r0 = atomic_load(&x0);
	assert((r0 == 1));
	pthread_mutex_lock(&m0);
	pthread_mutex_lock(&m1);
	r1 = atomic_fetch_add(&x1, 1);
	pthread_mutex_unlock(&m1);
	pthread_mutex_unlock(&m0);
	return NULL;
}

static void *t2(void *arg)
{
	int ok0 = 0;
	(void)arg;
	atomic_store(&x0, 1);
	sem_post(&s0);
	ok0 = sem_trywait(&s0) == 0;
	if (ok0) {
		sem_post(&s0);
	}
	return NULL;
}

int main(void)
{
	int r0 = 0, ok1 = 0;
	sem_init(&s0, 0, 0);
	pthread_create(&th[1], NULL, t1, NULL);
	pthread_mutex_lock(&m1);
	pthread_mutex_lock(&m0);
	r0 = atomic_fetch_add(&x1, 1);
	pthread_mutex_unlock(&m0);
	pthread_mutex_unlock(&m1);
	pthread_create(&th[2], NULL, t2, NULL);
	pthread_join(th[1], NULL);
	return 0;
}
