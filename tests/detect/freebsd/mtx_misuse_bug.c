/* Misuses of mutex(9) and sleeping that FreeBSD's INVARIANTS and WITNESS
 * catch, each reported as misuse at its call site. */
//! args: --strategy=dfs
//! expect(unlock_not_held): bug misuse
//! expect(sleep_holding_spin): bug misuse
//! expect(lock_spin_as_sleep): bug misuse
//! expect(recurse_non_recursive): bug misuse
//! expect(destroy_held_by_other): bug misuse
#include <weft/freebsd.h>

static struct mtx a_mtx, spin_mtx;
static int flag;

WEFT_TEST(unlock_not_held)
{
	mtx_init(&a_mtx, "a_mtx", NULL, MTX_DEF);
	mtx_unlock(&a_mtx);
}

WEFT_TEST(sleep_holding_spin)
{
	mtx_init(&spin_mtx, "spin_mtx", NULL, MTX_SPIN);
	mtx_lock_spin(&spin_mtx);
	tsleep(&flag, PWAIT, "flag", hz);
	mtx_unlock_spin(&spin_mtx);
}

WEFT_TEST(lock_spin_as_sleep)
{
	mtx_init(&spin_mtx, "spin_mtx", NULL, MTX_SPIN);
	mtx_lock(&spin_mtx);
	mtx_unlock(&spin_mtx);
}

WEFT_TEST(recurse_non_recursive)
{
	mtx_init(&a_mtx, "a_mtx", NULL, MTX_DEF);
	mtx_lock(&a_mtx);
	mtx_lock(&a_mtx);
}

static void holder(void *arg)
{
	(void)arg;
	mtx_lock(&a_mtx);
	flag = 1;
	wakeup(&flag);
	while (flag != 2)
		msleep(&flag, &a_mtx, PWAIT, "flag", 0);
	mtx_unlock(&a_mtx);
}

WEFT_TEST(destroy_held_by_other)
{
	weft_thread_t t;

	mtx_init(&a_mtx, "a_mtx", NULL, MTX_DEF);
	t = weft_spawn(holder, NULL);
	mtx_lock(&a_mtx);
	while (flag != 1)
		msleep(&flag, &a_mtx, PWAIT, "flag", 0);
	flag = 2;
	wakeup(&flag);
	mtx_unlock(&a_mtx);
	mtx_destroy(&a_mtx); /* the holder may have it again */
	weft_join(t);
}
