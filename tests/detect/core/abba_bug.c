//! expect: bug deadlock
/* Two threads take the same two mutexes in opposite orders. */
#include <weft/weft.h>

static weft_mutex_t a = WEFT_MUTEX_INIT;
static weft_mutex_t b = WEFT_MUTEX_INIT;

static void t1(void *arg)
{
	(void)arg;
	weft_mutex_lock(&a);
	weft_mutex_lock(&b);
	weft_mutex_unlock(&b);
	weft_mutex_unlock(&a);
}

static void t2(void *arg)
{
	(void)arg;
	weft_mutex_lock(&b);
	weft_mutex_lock(&a);
	weft_mutex_unlock(&a);
	weft_mutex_unlock(&b);
}

WEFT_TEST(abba)
{
	weft_thread_t x = weft_spawn(t1, NULL);
	weft_thread_t y = weft_spawn(t2, NULL);
	weft_join(x);
	weft_join(y);
}
