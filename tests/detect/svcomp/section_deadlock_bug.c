//! expect: bug deadlock
/* t1 enters an atomic section and blocks inside it on a mutex t2 holds;
 * t2 then calls a __VERIFIER_atomic_ function, which must wait for t1's
 * section: a deadlock.  weft once let t2 enter while t1 was inside, since
 * the test of "may this thread enter" compared the section's owner with
 * the running thread instead of the waiting one.  Twin:
 * section_deadlock_ok.c. */
#include <pthread.h>

extern void __VERIFIER_atomic_begin(void);
extern void __VERIFIER_atomic_end(void);

static pthread_mutex_t m0 = PTHREAD_MUTEX_INITIALIZER;
static int g;

void __VERIFIER_atomic_bump(void)
{
	g++;
}

static void *t1(void *a)
{
	(void)a;
	__VERIFIER_atomic_begin();
	pthread_mutex_lock(&m0);
	pthread_mutex_unlock(&m0);
	__VERIFIER_atomic_end();
	return 0;
}

static void *t2(void *a)
{
	(void)a;
	pthread_mutex_lock(&m0);
	__VERIFIER_atomic_bump();
	pthread_mutex_unlock(&m0);
	return 0;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, 0, t1, 0);
	pthread_create(&b, 0, t2, 0);
	pthread_join(a, 0);
	pthread_join(b, 0);
	return 0;
}
