//! expect(unlock_not_held): bug misuse
//! expect(unlock_by_other): bug misuse
//! expect(join_twice): bug misuse
//! expect(destroy_locked): bug misuse
/* Misuse of the API by the code under test, each reported with its call
 * site. */
#include <weft/weft.h>

static weft_mutex_t m = WEFT_MUTEX_INIT;

WEFT_TEST(unlock_not_held)
{
	weft_mutex_unlock(&m);
}

static void take(void *arg)
{
	(void)arg;
	weft_mutex_lock(&m);
}

WEFT_TEST(unlock_by_other)
{
	weft_thread_t t = weft_spawn(take, NULL);
	weft_join(t);
	weft_mutex_unlock(&m);
}

static void nothing(void *arg)
{
	(void)arg;
}

WEFT_TEST(join_twice)
{
	weft_thread_t t = weft_spawn(nothing, NULL);
	weft_join(t);
	weft_join(t);
}

WEFT_TEST(destroy_locked)
{
	weft_mutex_lock(&m);
	weft_mutex_destroy(&m);
}
