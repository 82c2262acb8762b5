//! expect: verified
/* The correct twin: the read-modify-write happens under a mutex. */
#include <weft/weft.h>

static weft_atomic_t counter;
static weft_mutex_t m = WEFT_MUTEX_INIT;

static void inc(void *arg)
{
	(void)arg;
	weft_mutex_lock(&m);
	long v = weft_atomic_load(&counter);
	weft_atomic_store(&counter, v + 1);
	weft_mutex_unlock(&m);
}

WEFT_TEST(locked_counter)
{
	weft_thread_t a = weft_spawn(inc, NULL);
	weft_thread_t b = weft_spawn(inc, NULL);
	weft_thread_t c = weft_spawn(inc, NULL);
	weft_join(a);
	weft_join(b);
	weft_join(c);
	weft_assert(weft_atomic_load(&counter) == 3);
}
