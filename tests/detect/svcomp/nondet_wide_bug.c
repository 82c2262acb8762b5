// SV-COMP's pthread-nondet shape: a nondet bound assumed in [5, 10], which
// none of the boundary values {0,1,2,-1} meets, so every execution failed
// the assumption and the verdict was inconclusive (all-pruned; SV-COMP's
// nondet-array and nondet-loop-bound tasks, through a probe).  The search
// now runs again with wider sets (src/explore/loop.c, widen_nondet), and
// this twin's assertion, wrong for n == 7, fails; nondet_wide_ok.c
// asserts what holds and is verified for the values noted.
//! expect: bug assertion
#include <assert.h>
#include <pthread.h>

extern int __VERIFIER_nondet_int(void);
extern void __VERIFIER_assume(int cond);

static int n, sum;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
	for (int i = 0; i < n; i++) {
		pthread_mutex_lock(&m);
		sum++;
		pthread_mutex_unlock(&m);
	}
	return arg;
}

int main(void)
{
	pthread_t t;

	n = __VERIFIER_nondet_int();
	__VERIFIER_assume(n >= 5 && n <= 10);
	pthread_create(&t, NULL, worker, NULL);
	pthread_join(t, NULL);
#ifdef OK
	assert(sum == n);
#else
	assert(sum != 7);
#endif
	return 0;
}
