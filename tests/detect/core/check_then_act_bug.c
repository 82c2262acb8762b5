//! expect: bug use-after-free
/* An atomicity violation: the reader checks that the buffer is still
 * published, then uses it; the owner can unpublish and free it between
 * the check and the use. */
#include <weft/weft.h>

static weft_atomic_t published; /* holds a pointer */

static void reader(void *arg)
{
	(void)arg;
	int *p = (int *)weft_atomic_load(&published);
	if (p) {
		weft_check_access(p, sizeof *p, 0);
		weft_assert(*p == 42);
	}
}

static void owner(void *arg)
{
	int *buf = arg;
	weft_atomic_store(&published, 0);
	weft_free(buf);
}

WEFT_TEST(check_then_act)
{
	int *buf = weft_malloc(sizeof *buf);
	*buf = 42;
	weft_atomic_store(&published, (long)buf);
	weft_thread_t r = weft_spawn(reader, NULL);
	weft_thread_t o = weft_spawn(owner, buf);
	weft_join(r);
	weft_join(o);
}
