/* weft oracle case (generated from section_blocked_inside.json by check.py --write-cases)
 *
 * section_blocked_inside: A thread blocked inside an atomic section
 * lets the others run: t1's section stores y = 1, locks m (held by t2),
 * unlocks it and stores y = 0; t2 locks m, loads y, unlocks m and
 * asserts it did not see 1.  Seeing 1 needs t1 to enter its section
 * while t2 holds m and block there on m, then t2 to run: reachable with
 * one preemption (t2 left after its lock). */
#include <assert.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <weft/weft.h>

atomic_int x0 = 0;
pthread_mutex_t m0 = PTHREAD_MUTEX_INITIALIZER;
pthread_t th[3];
extern void __VERIFIER_atomic_begin(void);
extern void __VERIFIER_atomic_end(void);

static void *t1(void *arg)
{
	(void)arg;
	__VERIFIER_atomic_begin();
	atomic_store(&x0, 1);
	pthread_mutex_lock(&m0);
	pthread_mutex_unlock(&m0);
	atomic_store(&x0, 0);
	__VERIFIER_atomic_end();
	return NULL;
}

static void *t2(void *arg)
{
	int r = 0;
	(void)arg;
	pthread_mutex_lock(&m0);
	r = atomic_load(&x0);
	pthread_mutex_unlock(&m0);
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
