//! expect: verified
//! args: strategy=dfs
/* The correct twin of reach_error_bug.c.  reach_error() has an empty
 * body and abort() follows it.  Calling reach_error() is the property violation, an
 * assertion at the call, not the crash of the abort() after it (weft-cc
 * compiles the source with -finstrument-functions, so the call of the
 * empty function is seen).  The correct twin of reach_error_bug.c: each
 * increment is one atomic read-modify-write, so the total is 2. */
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

int count;

void *worker(void *arg)
{
	(void)arg;
	__atomic_fetch_add(&count, 1, __ATOMIC_SEQ_CST);
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
