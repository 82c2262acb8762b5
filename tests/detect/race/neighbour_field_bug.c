//! expect: bug data-race
//! args: --strategy=dfs --preemption-bound=unbounded
/* Needs weft-cc's instrumentation: accesses to one field of a struct must
 * not erase what the detector knows about its neighbour in the same 8-byte
 * shadow granule.  Each test races on s.a, with an access to s.b between
 * the two racing accesses (a regression: the write to s.b dropped the
 * record of the earlier read of s.a, so the race went unreported).  The
 * threads share no scheduling point, so exploration runs one schedule and
 * the detector must see the race in it. */
#include <weft/weft.h>

static struct {
	int a;
	int b;
} s;
static weft_mutex_t own = WEFT_MUTEX_INIT;

static void read_a(void *arg)
{
	(void)arg;
	weft_assert(s.a != 42);
}

static void write_a(void *arg)
{
	(void)arg;
	s.a = 1;
}

static void write_b(void *arg)
{
	(void)arg;
	s.b = 2;
}

/* Reads s.a, then (a step later, after an unrelated lock) s.b. */
static void read_a_then_b(void *arg)
{
	(void)arg;
	int v = s.a;
	weft_mutex_lock(&own);
	weft_mutex_unlock(&own);
	weft_assert(v + s.b != 42);
}

static void copy_a_to_b(void *arg)
{
	(void)arg;
	s.b = s.a;
}

/* In each test the threads share no scheduling point, so they run one
 * after the other in the order they were spawned, none ordered with the
 * others. */
WEFT_TEST(read_then_neighbour_write)
{
	weft_thread_t x = weft_spawn(read_a, 0), y = weft_spawn(write_b, 0);
	weft_thread_t z = weft_spawn(write_a, 0);
	weft_join(x);
	weft_join(y);
	weft_join(z);
}

WEFT_TEST(write_then_neighbour_write)
{
	weft_thread_t x = weft_spawn(write_a, 0), y = weft_spawn(write_b, 0);
	weft_thread_t z = weft_spawn(read_a, 0);
	weft_join(x);
	weft_join(y);
	weft_join(z);
}

WEFT_TEST(read_then_own_neighbour_read)
{
	weft_thread_t x = weft_spawn(read_a_then_b, 0);
	weft_thread_t y = weft_spawn(write_a, 0);
	weft_join(x);
	weft_join(y);
}

WEFT_TEST(reader_writes_neighbour)
{
	weft_thread_t x = weft_spawn(copy_a_to_b, 0);
	weft_thread_t y = weft_spawn(write_a, 0);
	weft_join(x);
	weft_join(y);
}
