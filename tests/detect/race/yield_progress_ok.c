//! expect: verified
/* Needs weft-cc's instrumentation: a worker that writes memory between
 * yields makes progress and terminates (a regression found in review: it
 * was reported as a livelock). */
#include <weft/weft.h>

static long sum;

static void worker(void *a)
{
	(void)a;
	for (int i = 0; i < 250; i++) {
		sum += i;
		weft_yield();
	}
}

WEFT_TEST(cooperative_yields)
{
	weft_thread_t t = weft_spawn(worker, 0);
	weft_join(t);
	weft_assert(sum == 250L * 249 / 2);
}
