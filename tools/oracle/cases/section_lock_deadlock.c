/* weft oracle case (generated from section_lock_deadlock.json by check.py --write-cases)
 *
 * section_lock_deadlock: While a thread is blocked inside an atomic
 * section no other thread may enter one: t1's section locks m, adds to
 * x and unlocks m; t2 locks m, then calls a __VERIFIER_atomic_ function
 * adding to x, then unlocks m.  t2 taking m, then t1 entering its
 * section and blocking on m, leaves t2 unable to enter its section: a
 * deadlock (one preemption).  Found by the oracle's first run with
 * atomic sections (seed 61): weft said verified, with and without
 * preemption bounds, since whether a waiting thread may enter a section
 * compared the owner with the running thread, and t2 entered while t1
 * was blocked inside. */
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
	int r = 0;
	(void)arg;
	__VERIFIER_atomic_begin();
	pthread_mutex_lock(&m0);
	r = atomic_fetch_add(&x0, 1);
	pthread_mutex_unlock(&m0);
	__VERIFIER_atomic_end();
	return NULL;
}

void __VERIFIER_atomic_t2_0(int *p_r)
{
	int r = *p_r;
	r = atomic_fetch_add(&x0, 1);
	*p_r = r;
}

static void *t2(void *arg)
{
	int r = 0;
	(void)arg;
	pthread_mutex_lock(&m0);
	__VERIFIER_atomic_t2_0(&r);
	pthread_mutex_unlock(&m0);
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
