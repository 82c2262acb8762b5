//! expect: bug assertion
//! args: strategy=dfs
/* The buggy twin of inline_abort_ok.c: the same inline assumption
 * `if (!(cond)) abort();` on a nondeterministic request, but a taker reads
 * the count and writes it back under two separate holds of the lock, so
 * with two slots both takers can read 0 and the count ends at 1.  The
 * guard prunes only the requests outside 1..2; the violation, reach_error()
 * (empty, as usual) and then abort(), is reported as an assertion at the
 * call of reach_error, not pruned like the guard's abort(). */
#include <pthread.h>

extern void abort(void);
void reach_error() {}
extern int __VERIFIER_nondet_int(void);

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int slots, used;

void *taker(void *arg)
{
	int seen;

	(void)arg;
	pthread_mutex_lock(&m);
	seen = used;
	pthread_mutex_unlock(&m);
	pthread_mutex_lock(&m);
	if (seen < slots)
		used = seen + 1;
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
