// A nondet loop bound assumed in [5, 10] after the loop: of the boundary
// values, 0, 1 and 2 fail the assumption and UINT_MAX runs the loop into
// --max-steps, so no execution ran to its end, and the fallback for the
// cut one came before the widening: inconclusive (a review's probe).  The
// widening now comes first, and n == 7 fails the assertion.
// nondet_wide_limit_ok.c asserts what holds.
//! expect: bug assertion
#include <assert.h>
#include <pthread.h>

extern unsigned __VERIFIER_nondet_uint(void);
extern void __VERIFIER_assume(int cond);

static unsigned n;
static int sum;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
	for (unsigned i = 0; i < n; i++) {
		pthread_mutex_lock(&m);
		sum++;
		pthread_mutex_unlock(&m);
	}
	return arg;
}

int main(void)
{
	pthread_t t;

	n = __VERIFIER_nondet_uint();
	pthread_create(&t, NULL, worker, NULL);
	pthread_join(t, NULL);
	__VERIFIER_assume(n >= 5 && n <= 10);
#ifdef OK
	assert(sum == (int)n);
#else
	assert(sum != 7);
#endif
	return 0;
}
