/* weft oracle case (generated from sem_binary_ok.json by check.py --write-cases)
 *
 * sem_binary_ok: The correct twin of sem_extra_post: without the extra
 * post the semaphore excludes, and no bug is reachable. */
#include <assert.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <weft/weft.h>

atomic_int x0 = 0;
sem_t s0;
pthread_t th[3];

static void *t1(void *arg)
{
	int in = 0;
	(void)arg;
	sem_wait(&s0);
	in = atomic_exchange(&x0, 1);
	assert((in == 0));
	atomic_store(&x0, 0);
	sem_post(&s0);
	return NULL;
}

static void *t2(void *arg)
{
	int in = 0;
	(void)arg;
	sem_wait(&s0);
	in = atomic_exchange(&x0, 1);
	assert((in == 0));
	atomic_store(&x0, 0);
	sem_post(&s0);
	return NULL;
}

int main(void)
{
	sem_init(&s0, 0, 1);
	pthread_create(&th[1], NULL, t1, NULL);
	pthread_create(&th[2], NULL, t2, NULL);
	pthread_join(th[1], NULL);
	pthread_join(th[2], NULL);
	return 0;
}
