//! expect: verified
/* The correct twin: the writes happen under the write lock. */
#include <weft/weft.h>

static weft_rwlock_t l2 = WEFT_RWLOCK_INIT;
static int x;

static void W(void *a)
{
	(void)a;
	weft_rwlock_wrlock(&l2);
	x++;
	weft_rwlock_unlock(&l2);
}

static void R(void *a)
{
	(void)a;
	weft_rwlock_rdlock(&l2);
	int v = x;
	weft_rwlock_unlock(&l2);
	weft_assert(v >= 0 && v <= 2);
}

WEFT_TEST(rw_writers_write)
{
	weft_thread_t a = weft_spawn(W, 0), b = weft_spawn(W, 0);
	weft_thread_t r = weft_spawn(R, 0);
	weft_join(a);
	weft_join(b);
	weft_join(r);
	weft_assert(x == 2);
}
