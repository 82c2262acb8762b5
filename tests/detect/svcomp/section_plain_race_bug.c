//! expect: bug assertion
/* section_lost_update_bug.c with plain accesses: the race between the
 * atomic function's write and the other thread's read is found first, but
 * the search goes on to the more serious finding, reach_error.  The
 * accesses inside the atomic function once took no scheduling point, so
 * the explorer saw no step of it touching x and never ran the other
 * thread's read before it. */
extern void abort(void);
#include <assert.h>
void reach_error(void) { assert(0); }
#include <pthread.h>

int x;

void __VERIFIER_atomic_inc(void)
{
	x = x + 1;
}

static void *t1(void *a)
{
	(void)a;
	__VERIFIER_atomic_inc();
	return 0;
}

static void *t2(void *a)
{
	int v = x;

	(void)a;
	x = v + 1;
	return 0;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, 0, t1, 0);
	pthread_create(&b, 0, t2, 0);
	pthread_join(a, 0);
	pthread_join(b, 0);
	if (!(x == 2)) {
		reach_error();
		abort();
	}
	return 0;
}
