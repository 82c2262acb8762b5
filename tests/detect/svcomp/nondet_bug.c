//! expect: bug assertion
//! args: strategy=dfs
/* Two workers each take a unit from a budget whose size is
 * nondeterministic (weft draws __VERIFIER_nondet_int() from {0,1,2,-1},
 * and the report says so).  The program expects every unit of a budget
 * of at most two to be taken, which fails for a negative budget: -1 units
 * requested, none taken.  nondet_ok.c treats a negative budget as 0. */
#include <pthread.h>

extern void abort(void);
extern void __assert_fail(const char *, const char *, unsigned int,
			  const char *) __attribute__((__nothrow__, __leaf__))
__attribute__((__noreturn__));
void reach_error() { __assert_fail("0", "nondet.c", 3, "reach_error"); }
void __VERIFIER_assert(int cond) { if (!cond) { reach_error(); abort(); } }

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
	budget = asked;
	pthread_create(&a, 0, worker, 0);
	pthread_create(&b, 0, worker, 0);
	pthread_join(a, 0);
	pthread_join(b, 0);
	__VERIFIER_assert(taken == (asked < 2 ? asked : 2));
	return 0;
}
