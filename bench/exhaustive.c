/* bench/exhaustive.c - exhaustive search workloads (bench/exhaustive.sh):
 * their execution counts are the numbers of Mazurkiewicz traces, counted
 * independently by tools/oracle/brute.py (1 writer and 12 readers: 2^12 =
 * 4096; 7 threads where thread i compare-exchanges x from i-1 to i: 523;
 * 6 threads that each load x and compare-exchange it to the value seen
 * plus one: 75,876; 3 threads that each add to x four times: the
 * multinomial 12!/(4!^3) = 34,650; five times each: 15!/(5!^3) = 756,756,
 * the parallel search's long workload), so the optimal search explores
 * exactly that many.
 * A search that takes a failed compare-exchange for a write explores 7!
 * = 5,040 orders of the chain. */
#include <weft/weft.h>

static weft_atomic_t x;

static void reader(void *arg)
{
	(void)arg;
	(void)weft_atomic_load(&x);
}

static void writer(void *arg)
{
	(void)arg;
	weft_atomic_store(&x, 1);
}

WEFT_TEST(writer_12_readers)
{
	weft_thread_t t[13];

	t[12] = weft_spawn(writer, NULL);
	for (int i = 0; i < 12; i++)
		t[i] = weft_spawn(reader, NULL);
	for (int i = 0; i < 13; i++)
		weft_join(t[i]);
}

static void chain_cas(void *arg)
{
	long i = (long)arg, expected = i - 1;

	weft_atomic_cas(&x, &expected, i);
}

WEFT_TEST(cas_chain_7)
{
	weft_thread_t t[7];

	for (long i = 0; i < 7; i++)
		t[i] = weft_spawn(chain_cas, (void *)(i + 1));
	for (int i = 0; i < 7; i++)
		weft_join(t[i]);
}

static void load_cas(void *arg)
{
	long expected = weft_atomic_load(&x);

	(void)arg;
	weft_atomic_cas(&x, &expected, expected + 1);
}

WEFT_TEST(cas_family_6)
{
	weft_thread_t t[6];

	for (int i = 0; i < 6; i++)
		t[i] = weft_spawn(load_cas, NULL);
	for (int i = 0; i < 6; i++)
		weft_join(t[i]);
}

/* Thread i of 3 adds to x (long)arg times. */
static void add_n(void *arg)
{
	for (long i = 0; i < (long)arg; i++)
		weft_atomic_fetch_add(&x, 1);
}

static void three_adders(long n)
{
	weft_thread_t t[3];

	for (int i = 0; i < 3; i++)
		t[i] = weft_spawn(add_n, (void *)n);
	for (int i = 0; i < 3; i++)
		weft_join(t[i]);
}

WEFT_TEST(adds_3x4)
{
	three_adders(4);
}

WEFT_TEST(adds_3x5)
{
	three_adders(5);
}
