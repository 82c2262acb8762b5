//! expect: bug lock-order
/* Inconsistent lock order that cannot deadlock in practice here (the two
 * orders are separated by a join), but is reported from the lock-order
 * graph because a different caller could overlap them. */
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

WEFT_TEST(order_inversion)
{
	weft_thread_t t = weft_spawn(ab, NULL);
	weft_join(t);
	weft_mutex_lock(&b);
	weft_mutex_lock(&a);
	weft_mutex_unlock(&a);
	weft_mutex_unlock(&b);
}
