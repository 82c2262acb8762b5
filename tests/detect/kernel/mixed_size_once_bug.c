// The kernel twin of sound/mixed_size_atomic_bug.c: WRITE_ONCE of the two
// 32-bit halves of a word, READ_ONCE of the whole word, which may see the
// first half stored without the second.  The kernel's marked accesses
// kept their start addresses as their identities, so the load and the
// second store looked independent: verified (a review's finding; the
// qspinlock tail mixes sizes so).  mixed_size_once_ok.c stores the upper
// half second and asserts what that orders.
//! expect: bug crash
#include <linux/kernel.h>
#include <linux/types.h>

static union {
	u64 whole;
	u32 half[2];
} w;

static void writer(void *arg)
{
	(void)arg;
	WRITE_ONCE(w.half[0], 1);
	WRITE_ONCE(w.half[1], 1);
}

WEFT_TEST(mixed_size_once)
{
	weft_thread_t t = weft_spawn(writer, NULL);
	u64 v = READ_ONCE(w.whole);

#ifdef OK
	BUG_ON((u32)v < (u32)(v >> 32));
#else
	BUG_ON((u32)v != (u32)(v >> 32));
#endif
	weft_join(t);
}
