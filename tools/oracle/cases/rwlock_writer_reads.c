/* weft oracle case (generated from rwlock_writer_reads.json by check.py --write-cases)
 *
 * rwlock_writer_reads: The writer takes only the read lock, which the
 * reader shares: the reader can see the intermediate 1. */
#include <assert.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <weft/weft.h>

atomic_int x0 = 0;
pthread_rwlock_t rw0 = PTHREAD_RWLOCK_INITIALIZER;
pthread_t th[3];

static void *t1(void *arg)
{
	(void)arg;
	pthread_rwlock_rdlock(&rw0);
	atomic_store(&x0, 1);
	atomic_store(&x0, 2);
	pthread_rwlock_unlock(&rw0);
	return NULL;
}

static void *t2(void *arg)
{
	int r = 0;
	(void)arg;
	pthread_rwlock_rdlock(&rw0);
	r = atomic_load(&x0);
	pthread_rwlock_unlock(&rw0);
	assert((r != 1));
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
