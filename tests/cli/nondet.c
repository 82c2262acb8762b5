/* A test whose path depends on state weft does not reset between
 * executions (the process environment, which lives in the C library, not
 * in the program's data): the second run of the same schedule differs,
 * which weft must report as nondeterminism, not as a result. */
#include <stdlib.h>
#include <weft/weft.h>

static weft_atomic_t x;

static void w(void *a)
{
	(void)a;
	weft_atomic_store(&x, 1);
}

WEFT_TEST(hidden_state)
{
	int first = getenv("WEFT_TEST_NONDET_SEEN") == NULL;
	weft_thread_t t = weft_spawn(w, NULL);
	if (first)
		weft_atomic_load(&x);
	weft_join(t);
	setenv("WEFT_TEST_NONDET_SEEN", "1", 1);
}
