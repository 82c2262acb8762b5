//! expect: verified
//! args: strategy=dfs
/* The correct twin of nondet_bug.c: a negative budget counts as none.
 * verified holds for the values weft draws, {0,1,2,-1}, which the report
 * states. */
#include <pthread.h>

extern void abort(void);
extern void __assert_fail(const char *, const char *, unsigned int,
			  const char *) __attribute__((__nothrow__, __leaf__))
__attribute__((__noreturn__));
void reach_error() { __assert_fail("0", "nondet.c", 3, "reach_error"); }
void __VERIFIER_assert(int cond) { if (!cond) { reach_error(); abort(); } }

/* The verifier's choice; a native build (no verifier) asks for 1. */
extern int __VERIFIER_nondet_int(void) __attribute__((weak));

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int budget, taken;

void *worker(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&m);
	if (budget > 0) {
		budget--;
		taken++;
	}
	pthread_mutex_unlock(&m);
	return 0;
}

int main(void)
{
	pthread_t a, b;
	int asked;

	asked = __VERIFIER_nondet_int ? __VERIFIER_nondet_int() : 1;
	if (asked < 0)
		asked = 0;
	budget = asked;
	pthread_create(&a, 0, worker, 0);
	pthread_create(&b, 0, worker, 0);
	pthread_join(a, 0);
	pthread_join(b, 0);
	__VERIFIER_assert(taken == (asked < 2 ? asked : 2));
	return 0;
}
