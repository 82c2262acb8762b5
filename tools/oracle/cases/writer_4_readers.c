/* weft oracle case (generated from writer_4_readers.json by check.py --write-cases)
 *
 * writer_4_readers: One writer stores x = 1, 4 readers load x once each
 * and publish the value; main asserts that reader 0 saw 1 only if
 * reader 1 did too.  Every reader independently reads the initial value
 * or the store: 2^4 reads-from outcomes and as many Mazurkiewicz
 * traces; the assertion fails when reader 0 reads after the store and
 * reader 1 before it. */
#include <assert.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <weft/weft.h>

atomic_int x0 = 0;
int g0 = 0;
int g1 = 0;
int g2 = 0;
int g3 = 0;
pthread_t th[6];

static void *t1(void *arg)
{
	(void)arg;
	atomic_store(&x0, 1);
	return NULL;
}

static void *t2(void *arg)
{
	int r = 0;
	(void)arg;
	r = atomic_load(&x0);
	g0 = r;
	return NULL;
}

static void *t3(void *arg)
{
	int r = 0;
	(void)arg;
	r = atomic_load(&x0);
	g1 = r;
	return NULL;
}

static void *t4(void *arg)
{
	int r = 0;
	(void)arg;
	r = atomic_load(&x0);
	g2 = r;
	return NULL;
}

static void *t5(void *arg)
{
	int r = 0;
	(void)arg;
	r = atomic_load(&x0);
	g3 = r;
	return NULL;
}

int main(void)
{
	pthread_create(&th[1], NULL, t1, NULL);
	pthread_create(&th[2], NULL, t2, NULL);
	pthread_create(&th[3], NULL, t3, NULL);
	pthread_create(&th[4], NULL, t4, NULL);
	pthread_create(&th[5], NULL, t5, NULL);
	pthread_join(th[1], NULL);
	pthread_join(th[2], NULL);
	pthread_join(th[3], NULL);
	pthread_join(th[4], NULL);
	pthread_join(th[5], NULL);
	assert(!(((g0 == 1) && (g1 == 0))));
	return 0;
}
