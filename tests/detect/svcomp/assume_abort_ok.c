//! expect: verified
//! args: strategy=dfs
/* SV-COMP's assume idiom: abort() called from assume_abort_if_not(cond)
 * prunes the executions where cond is false; it is not a crash.  The
 * request is nondeterministic (weft draws it from {0,1,2,-1}) and assumed
 * to be 1 or 2, so two takers always get at least one slot.
 * assume_abort_bug.c aborts the same way in a program outside the
 * convention: there abort() is an ordinary crash. */
#include <pthread.h>

extern void abort(void);
extern void __assert_fail(const char *, const char *, unsigned int,
			  const char *) __attribute__((__nothrow__, __leaf__))
__attribute__((__noreturn__));
void reach_error() { __assert_fail("0", "assume_abort.c", 3, "reach_error"); }
void assume_abort_if_not(int cond) { if (!cond) { abort(); } }
void __VERIFIER_assert(int cond) { if (!cond) { reach_error(); abort(); } }

/* The verifier's choice; a native build (no verifier) asks for 1. */
extern int __VERIFIER_nondet_int(void) __attribute__((weak));

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int slots, used;

void *taker(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&m);
	if (used < slots)
		used++;
	pthread_mutex_unlock(&m);
	return 0;
}

int main(void)
{
	pthread_t a, b;

	slots = __VERIFIER_nondet_int ? __VERIFIER_nondet_int() : 1;
	assume_abort_if_not(slots >= 1 && slots <= 2);
	pthread_create(&a, 0, taker, 0);
	pthread_create(&b, 0, taker, 0);
	pthread_join(a, 0);
	pthread_join(b, 0);
	__VERIFIER_assert(used >= 1 && used <= slots);
	return 0;
}
