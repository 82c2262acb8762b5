//! expect: verified
/* section_deadlock_bug.c with t2 calling the atomic function after it
 * releases the mutex: no cycle. */
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
	pthread_mutex_unlock(&m0);
	__VERIFIER_atomic_bump();
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
