//! expect: bug data-race
/* Needs weft-cc's instrumentation: two readers are not ordered with each
 * other, so a plain write under a read lock races (a regression found in
 * review: reader unlock used to order the next reader). */
#include <weft/weft.h>

static weft_rwlock_t l2 = WEFT_RWLOCK_INIT;
static int x;
static void R2(void *a) { (void)a;
	weft_rwlock_rdlock(&l2);
	x++;               /* writes shared data under a READ lock: a data race */
	weft_rwlock_unlock(&l2);
}
WEFT_TEST(rw_readers_write)
{
	weft_thread_t a = weft_spawn(R2, 0), b = weft_spawn(R2, 0);
	weft_join(a); weft_join(b);
}
