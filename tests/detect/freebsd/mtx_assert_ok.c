//! expect: verified
//! args: --strategy=dfs --preemption-bound=unbounded
/* The correct twin of mtx_assert_bug.c, plus the other mtx_assert checks,
 * recursion on an MTX_RECURSE mutex, trylock and spin mutexes. */
#include <weft/freebsd.h>

static struct mtx sc_mtx, rec_mtx, spin_mtx;
static int sc_count;

static void sc_update(void)
{
	mtx_assert(&sc_mtx, MA_OWNED | MA_NOTRECURSED);
	sc_count++;
}

static void worker(void *arg)
{
	(void)arg;
	mtx_lock(&sc_mtx);
	sc_update();
	mtx_unlock(&sc_mtx);
	mtx_assert(&sc_mtx, MA_NOTOWNED);
	if (mtx_trylock(&sc_mtx)) {
		sc_update();
		mtx_unlock(&sc_mtx);
	}
}

WEFT_TEST(callers_hold_lock)
{
	weft_thread_t t;

	mtx_init(&sc_mtx, "sc_mtx", NULL, MTX_DEF);
	mtx_init(&rec_mtx, "rec_mtx", NULL, MTX_DEF | MTX_RECURSE);
	mtx_init(&spin_mtx, "spin_mtx", NULL, MTX_SPIN);
	t = weft_spawn(worker, NULL);
	mtx_lock(&sc_mtx);
	sc_update();
	mtx_unlock(&sc_mtx);

	mtx_lock(&rec_mtx);
	mtx_lock(&rec_mtx);
	mtx_assert(&rec_mtx, MA_OWNED | MA_RECURSED);
	weft_assert(mtx_recursed(&rec_mtx));
	mtx_unlock(&rec_mtx);
	mtx_assert(&rec_mtx, MA_OWNED | MA_NOTRECURSED);
	mtx_unlock(&rec_mtx);

	mtx_lock_spin(&spin_mtx);
	weft_assert(mtx_owned(&spin_mtx));
	mtx_unlock_spin(&spin_mtx);

	weft_join(t);
	mtx_lock(&sc_mtx);
	weft_assert(sc_count >= 2 && sc_count <= 3);
	mtx_unlock(&sc_mtx);
	mtx_destroy(&sc_mtx);
	mtx_destroy(&rec_mtx);
	mtx_destroy(&spin_mtx);
}
