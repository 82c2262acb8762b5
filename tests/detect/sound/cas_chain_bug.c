//! expect: bug assertion
//! args: --strategy=dfs
/* Thread i compare-exchanges x from i-1 to i.  The outcome where threads
 * 3 and 4 fail first (reading 0) and then 1 and 2 succeed in turn was
 * missed while a failed compare-exchange could keep its thread asleep past
 * another one: the subtree where it fails and the subtree where it
 * succeeds each counted on the other.  cas_chain_ok.c asserts only the
 * invariant. */
#include <weft/weft.h>

#define N 4
static weft_atomic_t x;
static long seen[N + 1], won[N + 1];

static void step(void *arg)
{
	long i = (long)arg, expected = i - 1;

	won[i] = weft_atomic_cas(&x, &expected, i);
	seen[i] = won[i] ? i - 1 : expected;
}

WEFT_TEST(cas_chain)
{
	weft_thread_t t[N + 1];

	for (long i = 1; i <= N; i++)
		t[i] = weft_spawn(step, (void *)i);
	for (int i = 1; i <= N; i++)
		weft_join(t[i]);
#ifdef CHAIN_OK
	long wins = 0;
	for (int i = 1; i <= N; i++)
		wins += won[i];
	weft_assert(weft_atomic_load(&x) == wins);
#else
	weft_assert(!(seen[1] == 0 && seen[2] == 1 && seen[3] == 0 &&
		      seen[4] == 0));
#endif
}
