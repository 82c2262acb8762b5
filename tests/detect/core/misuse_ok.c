//! expect(balanced_use): verified
/* The correct twin of misuse_bug: balanced lock/unlock, one join each,
 * destroy after unlock. */
#include <weft/weft.h>

static weft_mutex_t m = WEFT_MUTEX_INIT;

static void take(void *arg)
{
	(void)arg;
	weft_mutex_lock(&m);
	weft_mutex_unlock(&m);
}

WEFT_TEST(balanced_use)
{
	weft_thread_t t = weft_spawn(take, NULL);
	weft_mutex_lock(&m);
	weft_mutex_unlock(&m);
	weft_join(t);
	weft_mutex_destroy(&m);
}
