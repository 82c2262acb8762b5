//! needs: pthread
//! args: --iterations=5 --seed=2
/* Pins what a crash's report says of when it was found: with a budget of
 * five executions the default strategy's exhaustive half is cut short
 * and its later phases find the crash (main loads the pointer while the
 * other thread has it at NULL) in execution 5.  A crashed worker never
 * named the strategy it ran nor the execution: the report said "found by
 * dfs in execution 1" (a probe of real programs). */
#include <pthread.h>
#include <stdatomic.h>

static _Atomic(int *) p;
static int x;

static void *toggler(void *a)
{
	(void)a;
	for (int i = 0; i < 30; i++) {
		atomic_store(&p, NULL);
		atomic_store(&p, &x);
	}
	return 0;
}

int main(void)
{
	pthread_t th;

	atomic_store(&p, &x);
	pthread_create(&th, 0, toggler, 0);
	for (int i = 0; i < 30; i++) {
		int *q = atomic_load(&p);
		*q += 1;
	}
	pthread_join(th, 0);
	return 0;
}
