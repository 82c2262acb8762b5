/* A test whose path depends on state weft does not reset between
 * executions (the parity of a soft resource limit, which lives in the
 * kernel, not in the program's data; the environment and the file mode
 * mask, which this test used before, are put back now): the second run
 * of the same schedule differs, which weft must report as
 * nondeterminism, not as a result. */
#include <sys/resource.h>
#include <weft/weft.h>

static weft_atomic_t x;

static void w(void *a)
{
	(void)a;
	weft_atomic_store(&x, 1);
}

WEFT_TEST(hidden_state)
{
	struct rlimit r;
	int first;

	/* The soft limit on POSIX message queues' bytes, one byte lower
	 * (or 1 from 0) in each execution: its parity changes. */
	getrlimit(RLIMIT_MSGQUEUE, &r);
	first = r.rlim_cur % 2 == 0;
	r.rlim_cur = r.rlim_cur > 0 ? r.rlim_cur - 1 : 1;
	setrlimit(RLIMIT_MSGQUEUE, &r);
	weft_thread_t t = weft_spawn(w, NULL);
	if (first)
		weft_atomic_load(&x);
	weft_join(t);
}
