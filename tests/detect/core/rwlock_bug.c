//! expect(rw_reader_before_writer): bug assertion
/* Regressions found in review: a reader section must be reordered with a
 * writer section (both orders explored); tests/detect/race/rwlock_race_bug.c
 * checks that readers are not ordered with each other. */
#include <weft/weft.h>

static weft_rwlock_t l = WEFT_RWLOCK_INIT;
static weft_atomic_t d = WEFT_ATOMIC_INIT(0);
static void R(void *a) { (void)a;
	weft_rwlock_rdlock(&l);
	long v = weft_atomic_load(&d);
	weft_rwlock_unlock(&l);
	weft_assert(v == 0);
}
static void W(void *a) { (void)a;
	weft_rwlock_wrlock(&l);
	weft_atomic_store(&d, 1);
	weft_rwlock_unlock(&l);
}
WEFT_TEST(rw_reader_before_writer)
{
	weft_thread_t r = weft_spawn(R, 0), w = weft_spawn(W, 0);
	weft_join(r); weft_join(w);
}
