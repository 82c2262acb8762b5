/* weft oracle case (generated from section_lost_update.json by check.py --write-cases)
 *
 * section_lost_update: Lost update with one side in an atomic section:
 * t1 increments the sequentially consistent atomic x with a load and a
 * store inside a section (a __VERIFIER_atomic_ function), t2 with a
 * load and a store outside any section; main joins both and asserts x
 * == 2.  t2's load before t1's section and its store after it lose t1's
 * update (one preemption: t2 left after its load).  Three reads-from
 * outcomes: t1's section before t2's load, after its store, or between
 * them.  weft once verified this after one execution (a wakeup sequence
 * placed inside the section and dropped). */
#include <assert.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <weft/weft.h>

atomic_int x0 = 0;
pthread_t th[3];

void __VERIFIER_atomic_t1_0(int *p_r)
{
	int r = *p_r;
	r = atomic_load(&x0);
	atomic_store(&x0, (r + 1));
	*p_r = r;
}

static void *t1(void *arg)
{
	int r = 0;
	(void)arg;
	__VERIFIER_atomic_t1_0(&r);
	return NULL;
}

static void *t2(void *arg)
{
	int r = 0;
	(void)arg;
	r = atomic_load(&x0);
	atomic_store(&x0, (r + 1));
	return NULL;
}

int main(void)
{
	int f = 0;
	pthread_create(&th[1], NULL, t1, NULL);
	pthread_create(&th[2], NULL, t2, NULL);
	pthread_join(th[1], NULL);
	pthread_join(th[2], NULL);
	f = atomic_load(&x0);
	assert((f == 2));
	return 0;
}
