//! expect: verified
//! args: --strategy=dfs --preemption-bound=unbounded
/* The correct twin of many_records_bug.c: the same eight records of
 * disjoint bytes of one granule, the last ones in an extension block, but
 * the write of the last byte is joined before the test body reads it, so
 * the records there are ordered before it and nothing races. */
#include <weft/weft.h>

static char bytes[8];

static void read_one(void *arg)
{
	weft_assert(bytes[(long)arg] == 0);
}

static void write_last(void *arg)
{
	(void)arg;
	bytes[7] = 1;
}

WEFT_TEST(ordered_through_extension_block)
{
	weft_thread_t r[7], w;

	for (long i = 0; i < 7; i++)
		r[i] = weft_spawn(read_one, (void *)i);
	weft_assert(bytes[7] == 0);
	w = weft_spawn(write_last, NULL);
	weft_join(w);
	for (int i = 0; i < 7; i++)
		weft_join(r[i]);
	weft_assert(bytes[7] == 1);
}
