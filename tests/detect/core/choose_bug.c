//! expect: bug assertion
/* weft_choose values are enumerated: only input 3 of 5, combined with one
 * interleaving, breaks the check. */
#include <weft/weft.h>

static weft_atomic_t slot;

static void writer(void *arg)
{
	(void)arg;
	weft_atomic_store(&slot, weft_choose(5));
}

WEFT_TEST(choice_and_order)
{
	weft_thread_t t = weft_spawn(writer, NULL);
	long seen = weft_atomic_load(&slot);
	weft_join(t);
	weft_assert(!(seen == 0 && weft_atomic_load(&slot) == 3));
}
