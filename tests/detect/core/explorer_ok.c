//! expect(choose_300_values_ok): verified
/* Correct twin: every one of 300 values is tried and accepted. */
#include <weft/weft.h>

WEFT_TEST(choose_300_values_ok)
{
	int v = weft_choose(300);
	weft_assert(v >= 0 && v < 300);
}
