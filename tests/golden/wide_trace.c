//! args: --strategy=dfs
/* Pins the text report of a trace with more threads than fit side by side:
 * one step per line with the thread's name first, and the steps of the
 * threads the report does not name collapsed.  Eight workers each take a
 * lock; two of them also bump a counter without it. */
#include <weft/weft.h>

static weft_mutex_t m = WEFT_MUTEX_INIT;
static int guarded, unguarded;

static void worker(void *arg)
{
	long k = (long)arg;

	weft_mutex_lock(&m);
	guarded++;
	weft_mutex_unlock(&m);
	if (k == 2 || k == 6)
		unguarded++;
}

WEFT_TEST(eight_workers)
{
	weft_thread_t t[8];

	for (long k = 0; k < 8; k++)
		t[k] = weft_spawn(worker, (void *)k);
	for (int k = 0; k < 8; k++)
		weft_join(t[k]);
}
