//! expect: bug assertion
/* An ordering bug of depth 3: the assertion fails only when a's store
 * comes after b's first load, and b's second load comes after a's second
 * store: three ordering constraints between the two threads. */
#include <weft/weft.h>

static weft_atomic_t x, y;

static void a(void *arg)
{
	(void)arg;
	weft_atomic_store(&x, 1);
	weft_atomic_store(&y, 1);
	weft_atomic_store(&x, 2);
}

static void b(void *arg)
{
	(void)arg;
	long y0 = weft_atomic_load(&y);
	long x1 = weft_atomic_load(&x);
	long y1 = weft_atomic_load(&y);
	/* y was 0, then x was already 2, yet... y read 1 only after x=2. */
	weft_assert(!(y0 == 0 && x1 == 1 && y1 == 1));
}

WEFT_TEST(depth3)
{
	weft_thread_t ta = weft_spawn(a, NULL);
	weft_thread_t tb = weft_spawn(b, NULL);
	weft_join(ta);
	weft_join(tb);
}
