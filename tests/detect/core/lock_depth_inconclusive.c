/* A thread holding more locks at once than weft's held-lock set keeps
 * (48, lockdep's MAX_LOCK_DEPTH): a limit of weft, reported as
 * inconclusive with its reason, not as a bug of the program (it was
 * misuse once).  Its twin below holds 48 and is verified. */
//! args: --strategy=dfs
//! expect(hold_49): inconclusive lock-depth
//! expect(hold_48): verified
#include <weft/weft.h>

static weft_mutex_t m[49];

static void hold(int n)
{
	for (int i = 0; i < n; i++)
		weft_mutex_init(&m[i], "nested");
	for (int i = 0; i < n; i++)
		weft_mutex_lock(&m[i]);
	for (int i = n - 1; i >= 0; i--)
		weft_mutex_unlock(&m[i]);
}

WEFT_TEST(hold_49)
{
	hold(49);
}

WEFT_TEST(hold_48)
{
	hold(48);
}
