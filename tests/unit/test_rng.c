/* The explorer's random numbers and the thread sets. */
#include "unit.h"
#include "explore/rng.h"

UNIT(ts_nth)
{
	weft__tset s = weft__ts_none();

	weft__ts_add(&s, 2);
	weft__ts_add(&s, 3);
	weft__ts_add(&s, 5);
	EXPECT_EQ_INT(weft__ts_nth(&s, 0), 2);
	EXPECT_EQ_INT(weft__ts_nth(&s, 1), 3);
	EXPECT_EQ_INT(weft__ts_nth(&s, 2), 5);
}

/* Members in every word, and the word boundaries: iteration, counting,
 * the next member after each, and the set operations. */
UNIT(ts_across_words)
{
	static const int in[] = { 0, 5, 63, 64, 65, 127, 128, 200, 255 };
	weft__tset s = weft__ts_none(), t;
	int k = 0;

	for (size_t i = 0; i < sizeof in / sizeof in[0]; i++)
		weft__ts_add(&s, in[i]);
	EXPECT_EQ_INT(weft__ts_count(&s), 9);
	WEFT__TS_EACH(m, &s)
		EXPECT_EQ_INT(m, in[k++]);
	EXPECT_EQ_INT(k, 9);
	EXPECT_EQ_INT(weft__ts_next(&s, 65), 127);
	EXPECT_EQ_INT(weft__ts_next(&s, 255), -1);
	EXPECT_EQ_INT(weft__ts_nth(&s, 7), 200);
	t = weft__ts_minus(s, weft__ts_one(128));
	EXPECT_TRUE(!weft__ts_has(&t, 128) && weft__ts_has(&t, 127));
	EXPECT_TRUE(weft__ts_meets(s, weft__ts_one(255)));
	EXPECT_TRUE(!weft__ts_meets(t, weft__ts_one(128)));
	EXPECT_TRUE(weft__ts_eq(weft__ts_or(t, weft__ts_one(128)), s));
	EXPECT_TRUE(weft__ts_empty(weft__ts_and(t, weft__ts_one(128))));
	weft__ts_del(&s, 0);
	EXPECT_EQ_INT(weft__ts_first(&s), 5);
}

UNIT(rng_uniform_enough)
{
	uint64_t s = 42;
	int hist[5] = { 0 };

	for (int i = 0; i < 50000; i++)
		hist[weft__rng_below(&s, 5)]++;
	for (int i = 0; i < 5; i++)
		EXPECT_TRUE(hist[i] > 9000 && hist[i] < 11000);
}

UNIT(rng_seeded_deterministic)
{
	uint64_t a = 7, b = 7;

	for (int i = 0; i < 100; i++)
		EXPECT_EQ_INT(weft__rng_next(&a), weft__rng_next(&b));
}
