/* A test whose path depends on state weft does not reset between
 * executions (the process's file mode mask, which lives in the kernel,
 * not in the program's data; the environment, which this test used
 * before, is put back now): the second run of the same schedule differs,
 * which weft must report as nondeterminism, not as a result. */
#include <sys/stat.h>
#include <weft/weft.h>

static weft_atomic_t x;

static void w(void *a)
{
	(void)a;
	weft_atomic_store(&x, 1);
}

WEFT_TEST(hidden_state)
{
	int first = umask(077) != 077;
	weft_thread_t t = weft_spawn(w, NULL);
	if (first)
		weft_atomic_load(&x);
	weft_join(t);
}
