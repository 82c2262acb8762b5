//! expect: verified
/* The correct twin of abba_bug: both threads take a before b. */
#include <weft/weft.h>

static weft_mutex_t a = WEFT_MUTEX_INIT;
static weft_mutex_t b = WEFT_MUTEX_INIT;
static int shared;

static void worker(void *arg)
{
	(void)arg;
	weft_mutex_lock(&a);
	weft_mutex_lock(&b);
	shared++;
	weft_mutex_unlock(&b);
	weft_mutex_unlock(&a);
}

WEFT_TEST(abba_fixed)
{
	weft_thread_t x = weft_spawn(worker, NULL);
	weft_thread_t y = weft_spawn(worker, NULL);
	weft_join(x);
	weft_join(y);
	weft_assert(shared == 2);
}
