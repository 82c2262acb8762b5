/* weft oracle case (generated from section_split_acquire.json by check.py --write-cases)
 *
 * section_split_acquire: Found by fresh seed 577402412 under split=16:
 * main enters an atomic section and then takes m1, while t1 took m1
 * after its trylock of m0 failed and now waits to enter its own
 * section. Reaching it from the split's leaf needs t1's acquisition of
 * m1 reversed with the acquisition inside main's section; the race was
 * asked about at that acquisition, where no other thread is ever
 * enabled, and was dropped as infeasible (split widths 9 to 16 said
 * verified). */
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
pthread_t th[2];
extern void __VERIFIER_atomic_begin(void);
extern void __VERIFIER_atomic_end(void);

static void *t1(void *arg)
{
	int in0 = 0, ok1 = 0, r2 = 0;
	(void)arg;
	ok1 = pthread_mutex_trylock(&m0) == 0;
	pthread_mutex_lock(&m1);
	__VERIFIER_atomic_begin();
	r2 = atomic_fetch_add(&x1, 1);
	__VERIFIER_atomic_end();
	pthread_mutex_unlock(&m1);
	if (ok1) {
		in0 = atomic_exchange(&x0, 1);
		assert((in0 == 0));
		atomic_store(&x0, 0);
		pthread_mutex_unlock(&m0);
	}
	return NULL;
}

int main(void)
{
	int in0 = 0, ok1 = 0, r2 = 0;
	pthread_create(&th[1], NULL, t1, NULL);
	pthread_detach(th[1]);
	pthread_mutex_lock(&m0);
	in0 = atomic_exchange(&x0, 1);
	assert((in0 == 0));
	atomic_store(&x0, 0);
	__VERIFIER_atomic_begin();
	pthread_mutex_lock(&m1);
	r2 = atomic_fetch_add(&x1, 1);
	pthread_mutex_unlock(&m1);
	__VERIFIER_atomic_end();
	pthread_mutex_unlock(&m0);
	return 0;
}
