//! expect: bug data-race
//! args: --strategy=dfs --preemption-bound=unbounded
/* Needs weft-cc's instrumentation: plain writes of different sizes race
 * when their bytes overlap, even partly: a 4-byte write into the upper
 * half of a 64-bit word and a write of the whole word, in either order; a
 * 2-byte write straddling two 4-byte halves; and a copy of the whole
 * struct (memcpy, a range access) against a write of one field. */
#include <string.h>

#include <weft/weft.h>

static union {
	long word;
	int half[2];
	short quarter[4];
} u;
static struct pair {
	int a;
	int b;
} p, q;

static void write_word(void *arg)
{
	(void)arg;
	u.word = 1;
}

static void write_upper_half(void *arg)
{
	(void)arg;
	u.half[1] = 2;
}

static void write_middle(void *arg)
{
	(void)arg;
	/* Bytes 2..5 of the word: the upper half of half[0] and the lower
	 * half of half[1]. */
	memcpy((char *)&u + 2, &(short[2]){ 3, 3 }, 4);
}

static void write_low_half(void *arg)
{
	(void)arg;
	u.half[0] = 4;
}

static void copy_pair(void *arg)
{
	(void)arg;
	memcpy(&q, &p, sizeof q);
}

static void write_b(void *arg)
{
	(void)arg;
	p.b = 5;
}

static void two(void (*first)(void *), void (*second)(void *))
{
	weft_thread_t a = weft_spawn_at(first, 0, "first", NULL);
	weft_thread_t b = weft_spawn_at(second, 0, "second", NULL);
	weft_join(a);
	weft_join(b);
	/* Read everything after the joins, so no store is dead. */
	weft_assert(u.word != 42 && q.a + q.b + p.b != 42);
}

WEFT_TEST(half_then_word)
{
	two(write_upper_half, write_word);
}

WEFT_TEST(word_then_half)
{
	two(write_word, write_upper_half);
}

WEFT_TEST(straddling_then_low_half)
{
	two(write_middle, write_low_half);
}

WEFT_TEST(struct_copy_then_field)
{
	two(copy_pair, write_b);
}
