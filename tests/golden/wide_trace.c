//! args: --strategy=dfs
/* Pins the text report of a trace with more threads than fit side by side:
 * one step per line with the thread's name first, same-named threads told
 * apart by their column, and the steps of the threads the report is not
 * about collapsed.  Eight workers each take a lock of their own; workers
 * 2 and 6 also take a and b in opposite orders (a deadlock). */
#include <weft/weft.h>

static weft_mutex_t own[8], a = WEFT_MUTEX_INIT, b = WEFT_MUTEX_INIT;

static void worker(void *arg)
{
	long k = (long)arg;

	weft_mutex_lock(&own[k]);
	weft_mutex_unlock(&own[k]);
	if (k == 2 || k == 6) {
		weft_mutex_t *first = k == 2 ? &a : &b;
		weft_mutex_t *second = k == 2 ? &b : &a;
		weft_mutex_lock(first);
		weft_mutex_lock(second);
		weft_mutex_unlock(second);
		weft_mutex_unlock(first);
	}
	weft_mutex_lock(&own[k]);
	weft_mutex_unlock(&own[k]);
}

WEFT_TEST(eight_workers)
{
	weft_thread_t t[8];

	for (long k = 0; k < 8; k++)
		weft_mutex_init(&own[k], "own");
	for (long k = 0; k < 8; k++)
		t[k] = weft_spawn(worker, (void *)k);
	for (int k = 0; k < 8; k++)
		weft_join(t[k]);
}
