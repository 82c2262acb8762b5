//! expect: verified
/* The correct twin: every chosen value is read only after the join. */
#include <weft/weft.h>

static weft_atomic_t slot;

static void writer(void *arg)
{
	(void)arg;
	weft_atomic_store(&slot, weft_choose(5));
}

WEFT_TEST(choice_after_join)
{
	weft_thread_t t = weft_spawn(writer, NULL);
	weft_join(t);
	long v = weft_atomic_load(&slot);
	weft_assert(v >= 0 && v < 5);
}
