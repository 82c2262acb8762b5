//! expect: verified
//! args: --strategy=dfs
/* A test that sets an environment variable and branches on it: each
 * execution starts with the environment of start-up, as a fresh process
 * would, so the re-run of a schedule takes the same path.  Before, the
 * variable set in the first execution was still set in the next one, and
 * weft stopped with "the program took a different path when re-run"
 * (tests/cli/nondet.c relied on it). */
#include <stdlib.h>
#include <weft/weft.h>

static weft_atomic_t x;

static void w(void *a)
{
	(void)a;
	weft_atomic_store(&x, 1);
}

WEFT_TEST(env_reset)
{
	int first = getenv("WEFT_TEST_ENV_SEEN") == NULL;
	weft_thread_t t = weft_spawn(w, NULL);

	if (first)
		weft_atomic_load(&x);
	weft_join(t);
	setenv("WEFT_TEST_ENV_SEEN", "1", 1);
	weft_assert(first);
}
