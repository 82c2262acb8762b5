//! expect: bug data-race
//! args: --strategy=dfs --preemption-bound=unbounded
/* Needs weft-cc's instrumentation: a granule whose accesses need more
 * records than its shadow cell holds (six).  Seven threads each read one
 * byte of an 8-byte array and the test body then reads the last byte:
 * eight records of disjoint bytes, none of which replaces another, so the
 * last ones are in an extension block.  The body's read races with a
 * thread started before it that writes that byte, and the race is found
 * through the extension block whichever of the two comes first. */
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

WEFT_TEST(read_in_extension_block)
{
	weft_thread_t r[7], w;

	for (long i = 0; i < 7; i++)
		r[i] = weft_spawn(read_one, (void *)i);
	for (int i = 0; i < 7; i++)
		weft_join(r[i]);
	w = weft_spawn(write_last, NULL);
	weft_assert(bytes[7] <= 1);
	weft_join(w);
}
