/* weft oracle case (generated from section_both_inside.json by check.py --write-cases)
 *
 * section_both_inside: section_lost_update with both increments in
 * atomic sections, one between __VERIFIER_atomic_begin() and
 * __VERIFIER_atomic_end(), one in a __VERIFIER_atomic_ function; t1
 * also reads x back inside its section and asserts its own store is
 * still there (nothing else runs inside).  No update is lost: correct,
 * two reads-from outcomes (either section first). */
#include <assert.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <weft/weft.h>

atomic_int x0 = 0;
pthread_t th[3];
extern void __VERIFIER_atomic_begin(void);
extern void __VERIFIER_atomic_end(void);

static void *t1(void *arg)
{
	int r = 0, s = 0;
	(void)arg;
	__VERIFIER_atomic_begin();
	r = atomic_load(&x0);
	atomic_store(&x0, (r + 1));
	s = atomic_load(&x0);
	assert((s == (r + 1)));
	__VERIFIER_atomic_end();
	return NULL;
}

void __VERIFIER_atomic_t2_0(int *p_r)
{
	int r = *p_r;
	r = atomic_load(&x0);
	atomic_store(&x0, (r + 1));
	*p_r = r;
}

static void *t2(void *arg)
{
	int r = 0;
	(void)arg;
	__VERIFIER_atomic_t2_0(&r);
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
