/* Misuses of callout(9), each reported as the documented kind. */
//! args: --strategy=dfs
//! expect(handler_sleeps): bug misuse
//! expect(stop_without_lock): bug misuse
//! expect(drain_from_own_handler): bug deadlock
//! expect(reinit_pending): bug misuse
//! expect(destroy_lock_of_pending): bug misuse
#include <weft/freebsd.h>

static struct mtx sc_mtx;
static struct callout sc_callout;
static int flag;

static void sleepy_timeout(void *arg)
{
	(void)arg;
	void *p = malloc(16, M_TEMP, M_WAITOK); /* may sleep */
	free(p, M_TEMP);
}

WEFT_TEST(handler_sleeps)
{
	callout_init(&sc_callout, CALLOUT_MPSAFE);
	callout_reset(&sc_callout, 1, sleepy_timeout, NULL);
	callout_drain(&sc_callout);
}

static void plain_timeout(void *arg)
{
	(void)arg;
	flag++;
}

WEFT_TEST(stop_without_lock)
{
	mtx_init(&sc_mtx, "sc_mtx", NULL, MTX_DEF);
	callout_init_mtx(&sc_callout, &sc_mtx, 0);
	mtx_lock(&sc_mtx);
	callout_reset(&sc_callout, 1, plain_timeout, NULL);
	mtx_unlock(&sc_mtx);
	callout_stop(&sc_callout); /* must hold sc_mtx */
	callout_drain(&sc_callout);
}

static void self_drain_timeout(void *arg)
{
	(void)arg;
	callout_drain(&sc_callout);
}

WEFT_TEST(drain_from_own_handler)
{
	callout_init(&sc_callout, CALLOUT_MPSAFE);
	callout_reset(&sc_callout, 1, self_drain_timeout, NULL);
	mtx_init(&sc_mtx, "sc_mtx", NULL, MTX_DEF);
	mtx_lock(&sc_mtx);
	while (!flag)
		msleep(&flag, &sc_mtx, PWAIT, "never", 0);
	mtx_unlock(&sc_mtx);
}

WEFT_TEST(reinit_pending)
{
	callout_init(&sc_callout, CALLOUT_MPSAFE);
	callout_reset(&sc_callout, 1, plain_timeout, NULL);
	callout_init(&sc_callout, CALLOUT_MPSAFE);
	callout_drain(&sc_callout);
}

WEFT_TEST(destroy_lock_of_pending)
{
	mtx_init(&sc_mtx, "sc_mtx", NULL, MTX_DEF);
	callout_init_mtx(&sc_callout, &sc_mtx, 0);
	mtx_lock(&sc_mtx);
	callout_reset(&sc_callout, 1, plain_timeout, NULL);
	mtx_unlock(&sc_mtx);
	mtx_destroy(&sc_mtx); /* drain first */
	callout_drain(&sc_callout);
}
