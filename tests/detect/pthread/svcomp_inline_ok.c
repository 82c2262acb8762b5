//! expect: verified
/* svcomp_inline_bug.c's task with its increment in one atomic block,
 * called from a C99 inline function. */
#include <pthread.h>

extern void abort(void);
void reach_error(void) { abort(); }

int x;

void __VERIFIER_atomic_bump(void) { x = x + 1; }
inline void bump(void) { __VERIFIER_atomic_bump(); }

void *worker(void *arg)
{
	(void)arg;
	bump();
	return 0;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, 0, worker, 0);
	pthread_create(&b, 0, worker, 0);
	pthread_join(a, 0);
	pthread_join(b, 0);
	if (x != 2)
		reach_error();
	return 0;
}
