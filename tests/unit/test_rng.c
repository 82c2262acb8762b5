/* The explorer's random numbers and bit helpers. */
#include "unit.h"
#include "explore/rng.h"

UNIT(nth_bit)
{
	EXPECT_EQ_INT(weft__nth_bit(0x2c, 0), 2);
	EXPECT_EQ_INT(weft__nth_bit(0x2c, 1), 3);
	EXPECT_EQ_INT(weft__nth_bit(0x2c, 2), 5);
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
