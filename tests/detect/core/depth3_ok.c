//! expect: verified
/* The correct twin: the writer publishes x and y together under a mutex,
 * and the reader reads them together, so no torn state is visible. */
#include <weft/weft.h>

static weft_mutex_t m = WEFT_MUTEX_INIT;
static weft_atomic_t x, y;

static void a(void *arg)
{
	(void)arg;
	weft_mutex_lock(&m);
	weft_atomic_store(&x, 1);
	weft_atomic_store(&y, 1);
	weft_atomic_store(&x, 2);
	weft_mutex_unlock(&m);
}

static void b(void *arg)
{
	(void)arg;
	weft_mutex_lock(&m);
	long y0 = weft_atomic_load(&y);
	long x1 = weft_atomic_load(&x);
	long y1 = weft_atomic_load(&y);
	weft_mutex_unlock(&m);
	weft_assert(!(y0 == 0 && x1 == 1 && y1 == 1));
	weft_assert(y0 == y1);
}

WEFT_TEST(depth3_locked)
{
	weft_thread_t ta = weft_spawn(a, NULL);
	weft_thread_t tb = weft_spawn(b, NULL);
	weft_join(ta);
	weft_join(tb);
}
