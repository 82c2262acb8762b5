/* Programs for the search in parts (tests/cli/parts.sh): --jobs and
 * --shard must give the verdict and the counts of one process. */
#include <weft/weft.h>

static weft_atomic_t x, first, last;

/* Three threads, three increments each: 9!/(3!3!3!) = 1680 orders of
 * the increments, all distinct traces. */
static void adder(void *arg)
{
	(void)arg;
	for (int i = 0; i < 3; i++)
		weft_atomic_fetch_add(&x, 1);
}

WEFT_TEST(increments)
{
	weft_thread_t t[3];

	weft_atomic_store(&x, 0);
	for (int i = 0; i < 3; i++)
		t[i] = weft_spawn(adder, NULL);
	for (int i = 0; i < 3; i++)
		weft_join(t[i]);
	weft_assert(weft_atomic_load(&x) == 9);
}

/* The bug needs the last thread to add first and the second to add last:
 * far from the first schedules, in a later leaf of the split. */
static void tagged(void *arg)
{
	long id = (long)arg;

	for (int i = 0; i < 3; i++) {
		long v = weft_atomic_fetch_add(&x, 1);
		if (v == 0)
			weft_atomic_store(&first, id);
		if (v == 8)
			weft_atomic_store(&last, id);
	}
}

WEFT_TEST(late_bug)
{
	weft_thread_t t[3];

	weft_atomic_store(&x, 0);
	weft_atomic_store(&first, 0);
	weft_atomic_store(&last, 0);
	for (long i = 0; i < 3; i++)
		t[i] = weft_spawn(tagged, (void *)(i + 1));
	for (int i = 0; i < 3; i++)
		weft_join(t[i]);
	weft_assert(!(weft_atomic_load(&first) == 3 &&
		      weft_atomic_load(&last) == 2));
}

static weft_mutex_t m = WEFT_MUTEX_INIT;
static long shared;

static void locked(void *arg)
{
	(void)arg;
	for (int i = 0; i < 2; i++) {
		weft_mutex_lock(&m);
		shared++;
		weft_mutex_unlock(&m);
	}
}

/* Blocking operations: 4 threads taking one lock twice each. */
WEFT_TEST(locks)
{
	weft_thread_t t[4];

	shared = 0;
	for (int i = 0; i < 4; i++)
		t[i] = weft_spawn(locked, NULL);
	for (int i = 0; i < 4; i++)
		weft_join(t[i]);
	weft_assert(shared == 8);
}

/* A data race whose consequence, an assertion, is only explored once the
 * racing accesses are scheduling points: a part of a split search that
 * learns them restarts, and takes the whole test over (split.c), so
 * every part count reports the assertion as one process does. */
static weft_atomic_t ga, gb;
static volatile int gx;

static void gate_a(void *p)
{
	(void)p;
	weft_atomic_store(&ga, 1);
}

static void gate_b(void *p)
{
	(void)p;
	weft_atomic_store(&gb, 1);
}

static void gated_writer(void *p)
{
	(void)p;
	if (weft_atomic_load(&ga) == 1 && weft_atomic_load(&gb) == 0) {
		gx = 1;
		gx = 2;
	}
}

static void gated_reader(void *p)
{
	(void)p;
	if (weft_atomic_load(&ga) == 1 && weft_atomic_load(&gb) == 0) {
		int r = gx;
		weft_assert(r != 1);
	}
}

WEFT_TEST(gated_race)
{
	weft_thread_t t[4];

	weft_atomic_store(&ga, 0);
	weft_atomic_store(&gb, 0);
	gx = 0;
	t[0] = weft_spawn(gate_a, NULL);
	t[1] = weft_spawn(gate_b, NULL);
	t[2] = weft_spawn(gated_writer, NULL);
	t[3] = weft_spawn(gated_reader, NULL);
	for (int i = 0; i < 4; i++)
		weft_join(t[i]);
}

/* Every execution fails its assumption: the test is inconclusive
 * (all-pruned), and a shard's part, which may hold nothing in any test,
 * says so in a note rather than in its verdict. */
static void pruned_adder(void *arg)
{
	(void)arg;
	weft_atomic_fetch_add(&x, 1);
}

WEFT_TEST(all_pruned)
{
	weft_thread_t a, b;

	weft_atomic_store(&x, 0);
	a = weft_spawn(pruned_adder, NULL);
	b = weft_spawn(pruned_adder, NULL);
	weft_join(a);
	weft_join(b);
	weft_assume(weft_atomic_load(&x) == 3);
}
