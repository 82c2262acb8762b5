/* bench/core_locks.c - the core benchmark workload: 2 threads, 10 lock
 * operations each (5 lock/unlock pairs), run under the random strategy.
 * bench/run.sh times it with different iteration counts and reports
 * executions per second and steps per second. */
#include <weft/weft.h>

static weft_mutex_t m = WEFT_MUTEX_INIT;
static int counter;

static void worker(void *arg)
{
	(void)arg;
	for (int i = 0; i < 5; i++) {
		weft_mutex_lock(&m);
		counter++;
		weft_mutex_unlock(&m);
	}
}

WEFT_TEST(two_threads_ten_lock_ops)
{
	weft_thread_t a = weft_spawn(worker, NULL);
	weft_thread_t b = weft_spawn(worker, NULL);
	weft_join(a);
	weft_join(b);
	weft_assert(counter == 10);
}
