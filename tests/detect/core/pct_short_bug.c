//! expect: bug assertion
//! args: --strategy=pct --depth=3 --iterations=20000
/* A bug that needs three preemptions in a test of about ten steps: the
 * loader moves a status word from 1 to 2, and the test thread must sample
 * it between the two stores and again after the second (preempted after
 * the spawn, the loader after its first store, the test thread after its
 * first sample).  PCT draws its change points among the steps it expects,
 * learnt from the longest execution seen; it started from a guess of 64,
 * so most points fell after this test's end and 20,000 executions found
 * nothing.  It now learns the length from the first execution. */
#include <weft/weft.h>

static weft_atomic_t status;

static void loader(void *arg)
{
	(void)arg;
	weft_atomic_store(&status, 1);
	weft_atomic_store(&status, 2);
}

WEFT_TEST(three_preemptions)
{
	weft_thread_t t = weft_spawn(loader, NULL);
	long first = weft_atomic_load(&status);
	long second = weft_atomic_load(&status);

	weft_join(t);
	weft_assert(!(first == 1 && second == 2));
}
