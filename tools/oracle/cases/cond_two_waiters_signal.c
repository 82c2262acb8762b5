/* weft oracle case (generated from cond_two_waiters_signal.json by check.py --write-cases)
 *
 * cond_two_waiters_signal: Two waiters, one pthread_cond_signal: when
 * both wait before the signal, one is never woken and main's join waits
 * for good. */
#include <assert.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <weft/weft.h>

atomic_int x0 = 0;
int g0 = 0;
pthread_mutex_t m0 = PTHREAD_MUTEX_INITIALIZER;
pthread_cond_t c0 = PTHREAD_COND_INITIALIZER;
pthread_t th[3];

static void *t1(void *arg)
{
	int r = 0;
	(void)arg;
	pthread_mutex_lock(&m0);
	while (!(g0)) {
		pthread_cond_wait(&c0, &m0);
	}
	r = atomic_load(&x0);
	pthread_mutex_unlock(&m0);
	assert((r == 1));
	return NULL;
}

static void *t2(void *arg)
{
	int r = 0;
	(void)arg;
	pthread_mutex_lock(&m0);
	while (!(g0)) {
		pthread_cond_wait(&c0, &m0);
	}
	r = atomic_load(&x0);
	pthread_mutex_unlock(&m0);
	assert((r == 1));
	return NULL;
}

int main(void)
{
	pthread_create(&th[1], NULL, t1, NULL);
	pthread_create(&th[2], NULL, t2, NULL);
	atomic_store(&x0, 1);
	pthread_mutex_lock(&m0);
	g0 = 1;
	pthread_cond_signal(&c0);
	pthread_mutex_unlock(&m0);
	pthread_join(th[1], NULL);
	pthread_join(th[2], NULL);
	return 0;
}
