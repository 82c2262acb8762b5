/* Ten FreeBSD mutexes held at once, more than the model's own held stack
 * once kept (eight, beyond which it reported misuse, a limit of weft's
 * taken for a bug of the program).  The mutexes now live in the kit's
 * held set: the nest itself is fine, and the sleep under the mutexes is
 * the bug, found at its call site.  Twin: mtx_deep_ok.c, which the old
 * limit failed. */
//! args: --strategy=dfs
//! expect: bug misuse
#include <weft/freebsd.h>

static struct mtx m[10];
static const char *names[10] = { "m0", "m1", "m2", "m3", "m4",
				 "m5", "m6", "m7", "m8", "m9" };
static int flag;

WEFT_TEST(deep_nest_sleep)
{
	for (int i = 0; i < 9; i++)
		mtx_init(&m[i], names[i], NULL, MTX_DEF);
	mtx_init(&m[9], names[9], NULL, MTX_SPIN);
	for (int i = 0; i < 9; i++)
		mtx_lock(&m[i]);
	mtx_lock_spin(&m[9]);
	tsleep(&flag, PWAIT, "flag", hz); /* BUG: sleeps under a spin mutex */
	mtx_unlock_spin(&m[9]);
	for (int i = 8; i >= 0; i--)
		mtx_unlock(&m[i]);
}
