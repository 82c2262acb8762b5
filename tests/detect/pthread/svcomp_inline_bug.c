//! expect: bug assertion
/* An SV-COMP task with a C99 inline function (plain inline, no external
 * definition: cc links it only where it is inlined into every caller).
 * weft-cc's hooks for reach_error and __VERIFIER_atomic_ take its
 * address, and the link failed (pthread-ext/27_Boop_simple_vf.c, a
 * helper's probe).  The increment is split in two: a lost update.
 * svcomp_inline_ok.c makes it one atomic block (a file of its own:
 * weft-cc looks for the SV-COMP names in the source it compiles, not in
 * what that includes). */
#include <pthread.h>

extern void abort(void);
void reach_error(void) { abort(); }

int x;

inline void bump(void)
{
	int t = x;
	x = t + 1;
}

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
