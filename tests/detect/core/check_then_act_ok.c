//! expect: verified
/* The correct twin: check and use happen under the lock the owner takes
 * to unpublish, so the buffer cannot be freed in between. */
#include <weft/weft.h>

static weft_mutex_t m = WEFT_MUTEX_INIT;
static int *published;

static void reader(void *arg)
{
	(void)arg;
	weft_mutex_lock(&m);
	int *p = published;
	if (p) {
		weft_check_access(p, sizeof *p, 0);
		weft_assert(*p == 42);
	}
	weft_mutex_unlock(&m);
}

static void owner(void *arg)
{
	int *buf = arg;
	weft_mutex_lock(&m);
	published = NULL;
	weft_mutex_unlock(&m);
	weft_free(buf);
}

WEFT_TEST(check_then_act_locked)
{
	int *buf = weft_malloc(sizeof *buf);
	*buf = 42;
	published = buf;
	weft_thread_t r = weft_spawn(reader, NULL);
	weft_thread_t o = weft_spawn(owner, buf);
	weft_join(r);
	weft_join(o);
}
