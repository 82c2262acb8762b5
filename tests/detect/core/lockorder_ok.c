//! expect: verified
/* The correct twin: the same two sections in one consistent order. */
#include <weft/weft.h>

static weft_mutex_t a = WEFT_MUTEX_INIT;
static weft_mutex_t b = WEFT_MUTEX_INIT;

static void ab(void *arg)
{
	(void)arg;
	weft_mutex_lock(&a);
	weft_mutex_lock(&b);
	weft_mutex_unlock(&b);
	weft_mutex_unlock(&a);
}

WEFT_TEST(order_consistent)
{
	weft_thread_t t = weft_spawn(ab, NULL);
	weft_join(t);
	weft_mutex_lock(&a);
	weft_mutex_lock(&b);
	weft_mutex_unlock(&b);
	weft_mutex_unlock(&a);
}
