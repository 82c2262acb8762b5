//! expect: verified executions=2
//! args: --strategy=dfs
/* The twin of rf_outcomes_bug.c: b is read only after the writer was
 * joined, so b == 1 and the assertion holds in both traces (a's load
 * before or after the store). */
#include <weft/weft.h>

static weft_atomic_t x;
static long a, b;

static void writer(void *arg)
{
	(void)arg;
	weft_atomic_store(&x, 1);
}

static void read_a(void *arg)
{
	(void)arg;
	a = weft_atomic_load(&x);
}

WEFT_TEST(one_writer_two_readers)
{
	weft_thread_t w = weft_spawn(writer, NULL);
	weft_thread_t ra = weft_spawn(read_a, NULL);

	weft_join(w);
	b = weft_atomic_load(&x);
	weft_join(ra);
	weft_assert(!(a == 1 && b == 0));
}
