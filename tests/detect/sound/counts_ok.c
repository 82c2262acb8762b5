//! expect(one_writer_ten_readers): verified executions=1024
//! expect(disjoint_locks): verified executions=1
//! expect(one_lock_five_threads): verified executions=120
//! expect(fetch_add_five_threads): verified executions=120
//! expect(failing_cas_five_threads): verified executions=1
//! expect(load_cas_four_threads): verified executions=292
//! expect(cas_chain_seven_threads): verified executions=3786
//! args: --strategy=dfs
/* Known numbers of Mazurkiewicz traces: an optimal search explores each
 * exactly once.  Loads commute with loads, so 1 writer and N readers give
 * 2^N traces (each reader before or after the write); N critical sections
 * of one lock, or N fetch-adds, give N! orders; compare-exchanges that all
 * fail only read, so they commute and give one trace.  N threads that
 * each load x and compare-exchange it to the value seen plus one give 4,
 * 27, 280, 4025 traces for N = 2..5, and 7 threads where thread i
 * compare-exchanges x from i-1 to i give 523 (counted by
 * tools/oracle/brute.py).  There weft is sound but not optimal: a
 * compare-exchange that failed may succeed elsewhere, so a sleeping one
 * wakes at every other compare-exchange of its variable (odpor.c), and
 * the search explores 292 and 3786 executions (7! = 5040 without the
 * reduction).  Those two numbers are pinned so that a change in either
 * direction is looked at; below the trace count would be unsound. */
#include <weft/weft.h>

#define N 5
static weft_atomic_t x, c;
static weft_mutex_t ms[N], m = WEFT_MUTEX_INIT;
static long seen[10], sum;

static void reader(void *a)
{
	seen[(long)a] = weft_atomic_load(&x);
}

static void writer(void *a)
{
	(void)a;
	weft_atomic_store(&x, 1);
}

WEFT_TEST(one_writer_ten_readers)
{
	weft_thread_t t[11];

	t[10] = weft_spawn(writer, NULL);
	for (long i = 0; i < 10; i++)
		t[i] = weft_spawn(reader, (void *)i);
	for (int i = 0; i < 11; i++)
		weft_join(t[i]);
}

static void run(void (*f)(void *), int n)
{
	weft_thread_t t[N];

	for (long i = 0; i < n; i++) {
		weft_mutex_init(&ms[i], NULL);
		t[i] = weft_spawn(f, (void *)i);
	}
	for (int i = 0; i < n; i++)
		weft_join(t[i]);
}

static void own_lock(void *a)
{
	weft_mutex_lock(&ms[(long)a]);
	weft_mutex_unlock(&ms[(long)a]);
}

static void shared_lock(void *a)
{
	(void)a;
	weft_mutex_lock(&m);
	sum++;
	weft_mutex_unlock(&m);
}

static void add(void *a)
{
	(void)a;
	weft_atomic_fetch_add(&c, 1);
}

static void failing_cas(void *a)
{
	long expected = 5;

	(void)a;
	weft_atomic_cas(&x, &expected, 7);
}

static void load_cas(void *a)
{
	long expected = weft_atomic_load(&c);

	(void)a;
	weft_atomic_cas(&c, &expected, expected + 1);
}

static void chain_cas(void *a)
{
	long i = (long)a + 1, expected = i - 1;

	weft_atomic_cas(&x, &expected, i);
}

WEFT_TEST(disjoint_locks) { run(own_lock, N); }
WEFT_TEST(one_lock_five_threads) { run(shared_lock, N); weft_assert(sum == N); }
WEFT_TEST(fetch_add_five_threads) { run(add, N); weft_assert(weft_atomic_load(&c) == N); }
WEFT_TEST(failing_cas_five_threads) { run(failing_cas, N); }
WEFT_TEST(load_cas_four_threads) { run(load_cas, 4); }

WEFT_TEST(cas_chain_seven_threads)
{
	weft_thread_t t[7];

	for (long i = 0; i < 7; i++)
		t[i] = weft_spawn(chain_cas, (void *)i);
	for (int i = 0; i < 7; i++)
		weft_join(t[i]);
}
