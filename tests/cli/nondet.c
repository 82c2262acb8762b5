/* A test whose path depends on state weft does not reset between
 * executions (errno is thread-local, outside the data segments): the
 * second run of the same schedule differs, which weft must report as
 * nondeterminism, not as a result. */
#include <errno.h>
#include <weft/weft.h>

static weft_atomic_t x;

static void w(void *a)
{
	(void)a;
	weft_atomic_store(&x, 1);
}

WEFT_TEST(hidden_state)
{
	int first = errno != 1234;
	weft_thread_t t = weft_spawn(w, NULL);
	if (first)
		weft_atomic_load(&x);
	weft_join(t);
	errno = 1234;
}
