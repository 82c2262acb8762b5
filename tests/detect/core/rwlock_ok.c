//! expect: verified
/* The correct twin of rwlock_bug: the reader accepts either order of the
 * writer's section, and readers only read under the read lock. */
#include <weft/weft.h>

static weft_rwlock_t l = WEFT_RWLOCK_INIT;
static weft_atomic_t d = WEFT_ATOMIC_INIT(0);
static int x;

static void R(void *a)
{
	(void)a;
	weft_rwlock_rdlock(&l);
	long v = weft_atomic_load(&d);
	int seen = x;
	weft_rwlock_unlock(&l);
	weft_assert(v == seen);
}

static void W(void *a)
{
	(void)a;
	weft_rwlock_wrlock(&l);
	weft_atomic_store(&d, 1);
	x = 1;
	weft_rwlock_unlock(&l);
}

WEFT_TEST(rw_either_order)
{
	weft_thread_t r1 = weft_spawn(R, 0), r2 = weft_spawn(R, 0);
	weft_thread_t w = weft_spawn(W, 0);
	weft_join(r1);
	weft_join(r2);
	weft_join(w);
}
