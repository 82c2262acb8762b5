/* weft oracle case (generated from section_entry_exclusion.json by check.py --write-cases)
 *
 * section_entry_exclusion: Mutual exclusion of atomic sections while
 * the thread inside is blocked: t1's section stores y = 1, locks m,
 * unlocks it and stores y = 0; t2 locks m, loads y inside a section,
 * unlocks m and asserts it saw 0.  t2 can load y while t1 is inside (y
 * = 1) only by entering its section while t1's is open, which it may
 * not: the assertion cannot fail; t2 holding m when t1 blocks inside on
 * it is a deadlock instead.  weft once reported the assertion and never
 * the deadlock (section_lock_deadlock's cause: t2 entered the section
 * while t1 was blocked inside). */
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
	__VERIFIER_atomic_begin();
	r = atomic_load(&x0);
	__VERIFIER_atomic_end();
	pthread_mutex_unlock(&m0);
	assert((r == 0));
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
