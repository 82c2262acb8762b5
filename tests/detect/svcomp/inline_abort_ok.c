//! expect: verified
//! args: strategy=dfs
/* A program in the SV-COMP convention writes its assumption inline:
 * `if (!(cond)) abort();` is assume(cond), as assume_abort_if_not(cond)
 * is, so the executions where cond is false are pruned, not crashes.
 * The request is nondeterministic (weft draws it from {0,1,2,-1}) and
 * assumed to be 1 or 2; a taker reads and writes the count under the lock
 * at once, so both get a slot when there are two.  Without the guard the
 * request -1 would violate the property.  inline_abort_bug.c splits the
 * taker's lock in two. */
#include <pthread.h>

extern void abort(void);
extern void __assert_fail(const char *, const char *, unsigned int,
			  const char *) __attribute__((__nothrow__, __leaf__))
__attribute__((__noreturn__));
void reach_error() { __assert_fail("0", "inline_abort.c", 3, "reach_error"); }
extern int __VERIFIER_nondet_int(void);

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

	slots = __VERIFIER_nondet_int();
	if (!(slots >= 1 && slots <= 2))
		abort();
	pthread_create(&a, 0, taker, 0);
	pthread_create(&b, 0, taker, 0);
	pthread_join(a, 0);
	pthread_join(b, 0);
	if (!(used == slots)) {
		reach_error();
		abort();
	}
	return 0;
}
