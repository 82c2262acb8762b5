//! expect: verified
//! args: --strategy=dfs --preemption-bound=unbounded
/* The correct twin of overlap_bug.c: writes of different sizes to disjoint
 * bytes of the same word do not race, and overlapping ones are ordered by
 * a mutex. */
#include <string.h>

#include <weft/weft.h>

static union {
	long word;
	int half[2];
	short quarter[4];
} u;
static weft_mutex_t m = WEFT_MUTEX_INIT;

static void write_word_locked(void *arg)
{
	(void)arg;
	weft_mutex_lock(&m);
	u.word = 1;
	weft_mutex_unlock(&m);
}

static void write_upper_half_locked(void *arg)
{
	(void)arg;
	weft_mutex_lock(&m);
	u.half[1] = 2;
	weft_mutex_unlock(&m);
}

static void write_low_half(void *arg)
{
	(void)arg;
	u.half[0] = 4;
}

static void write_quarters(void *arg)
{
	(void)arg;
	u.quarter[2] = 5;
	memset((char *)&u + 6, 0, 2);
}

static void two(void (*first)(void *), void (*second)(void *))
{
	weft_thread_t a = weft_spawn_at(first, 0, "first", NULL);
	weft_thread_t b = weft_spawn_at(second, 0, "second", NULL);
	weft_join(a);
	weft_join(b);
	weft_assert(u.word != 42);
}

WEFT_TEST(half_and_word_locked)
{
	two(write_upper_half_locked, write_word_locked);
}

WEFT_TEST(disjoint_sizes)
{
	two(write_low_half, write_quarters);
	weft_assert(u.half[0] == 4 && u.quarter[2] == 5 && u.quarter[3] == 0);
}
