//! expect: bug assertion
//! args: --strategy=dfs
/* One thread stores 1 to x, two others load it.  The outcome a == 1 and
 * b == 0 needs b's load, then the store, then a's load: a search that
 * lets sleep sets cut reads-from outcomes (loads commute with each other,
 * not with the store) misses it.  rf_outcomes_ok.c orders b's load after
 * the store with a join. */
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

static void read_b(void *arg)
{
	(void)arg;
	b = weft_atomic_load(&x);
}

WEFT_TEST(one_writer_two_readers)
{
	weft_thread_t w = weft_spawn(writer, NULL);
	weft_thread_t ra = weft_spawn(read_a, NULL);
	weft_thread_t rb = weft_spawn(read_b, NULL);

	weft_join(w);
	weft_join(ra);
	weft_join(rb);
	weft_assert(!(a == 1 && b == 0));
}
