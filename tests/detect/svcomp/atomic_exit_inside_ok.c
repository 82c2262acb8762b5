//! expect: verified
/* t1 ends inside its __VERIFIER_atomic_begin section (no atomic_end);
 * t2 reads x inside its own section, which it enters only once t1 has
 * ended.  The section's end at t1's exit ordered the scheduling but not
 * the accesses, and weft reported a data race between them (a probe of
 * SV-COMP-style programs): the exit now leaves the section with the
 * release an atomic_end makes.  atomic_exit_inside_bug.c reads x outside
 * any section. */
#include <assert.h>
#include <pthread.h>

extern void __VERIFIER_atomic_begin(void);
extern void __VERIFIER_atomic_end(void);
void reach_error(void) { assert(0); }

int x;

static void *t1(void *a)
{
	(void)a;
	__VERIFIER_atomic_begin();
	x = 1;
	return 0;
}

static void *t2(void *a)
{
	int r;

	(void)a;
#ifndef READ_OUTSIDE
	__VERIFIER_atomic_begin();
#endif
	r = x;
#ifndef READ_OUTSIDE
	__VERIFIER_atomic_end();
#endif
	if (r == 5)
		reach_error();
	return 0;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, 0, t1, 0);
	pthread_create(&b, 0, t2, 0);
	pthread_join(a, 0);
	pthread_join(b, 0);
	return 0;
}
