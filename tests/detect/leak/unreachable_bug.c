//! expect(lost_pointer): bug leak
//! expect(leak_does_not_hide_assertion): bug assertion
//! args: --strategy=dfs
/* Leaks as LeakSanitizer defines them: a live block nothing reachable
 * points to at the end of the test.  A leak is a finding that does not end
 * the search, so a bug in another schedule is still found (and reported
 * first, as the more severe finding).  unreachable_ok.c keeps its blocks
 * reachable from a global. */
#include <weft/weft.h>

static weft_atomic_t x;

static void leaker(void *arg)
{
	char *p = weft_malloc(32);

	(void)arg;
	p[0] = 1;
	p = NULL; /* the only pointer is gone */
	(void)p;
}

WEFT_TEST(lost_pointer)
{
	weft_join(weft_spawn(leaker, NULL));
}

static void setter(void *arg)
{
	(void)arg;
	weft_atomic_store(&x, 1);
}

WEFT_TEST(leak_does_not_hide_assertion)
{
	weft_thread_t t;

	(void)weft_malloc(8); /* leaked in every execution */
	t = weft_spawn(setter, NULL);
	weft_assert(weft_atomic_load(&x) == 0 || weft_atomic_load(&x) == 1);
	weft_assert(weft_atomic_load(&x) == 1); /* fails before the store */
	weft_join(t);
}
