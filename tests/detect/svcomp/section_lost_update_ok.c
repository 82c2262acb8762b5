//! expect: verified
/* section_lost_update_bug.c with both increments in __VERIFIER_atomic_
 * functions: no update is lost. */
extern void abort(void);
#include <assert.h>
void reach_error(void) { assert(0); }
#include <pthread.h>

int x;

void __VERIFIER_atomic_inc(void)
{
	int v = __atomic_load_n(&x, __ATOMIC_SEQ_CST);

	__atomic_store_n(&x, v + 1, __ATOMIC_SEQ_CST);
}

static void *t1(void *a)
{
	(void)a;
	__VERIFIER_atomic_inc();
	return 0;
}

static void *t2(void *a)
{
	(void)a;
	__VERIFIER_atomic_inc();
	return 0;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, 0, t1, 0);
	pthread_create(&b, 0, t2, 0);
	pthread_join(a, 0);
	pthread_join(b, 0);
	if (!(x == 2)) {
		reach_error();
		abort();
	}
	return 0;
}
