//! expect: verified
//! args: strategy=dfs
/* The correct twin of atomic_fn_bug.c: the increment is named
 * __VERIFIER_atomic_incr, which SV-COMP makes one atomic step (seen
 * through -finstrument-functions even once the compiler inlines it, as it
 * does at -O1), so the total is 2. */
#include <pthread.h>

extern void abort(void);
void reach_error() {}
void __VERIFIER_assert(int cond)
{
	if (!cond) {
		reach_error();
		abort();
	}
}

volatile int count;

void __VERIFIER_atomic_incr(void)
{
	int v = count;
	count = v + 1;
}

void *worker(void *arg)
{
	(void)arg;
	__VERIFIER_atomic_incr();
	return 0;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, 0, worker, 0);
	pthread_create(&b, 0, worker, 0);
	pthread_join(a, 0);
	pthread_join(b, 0);
	__VERIFIER_assert(count == 2);
	return 0;
}
