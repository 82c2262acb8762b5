//! expect: bug misuse
/* A callout's handler owns its request and frees it, callout included.
 * softclock_call_cc keeps a copy of the callout's flags because of this
 * idiom, and reads the callout again after the handler only for a
 * migration deferred meanwhile or a callout armed again.  Here the
 * handler re-arms its callout before the free: the callout subsystem
 * would run it again from freed memory.  The twin,
 * callout_handler_frees_self_ok.c, frees without re-arming, which weft
 * reported as a misuse (a probe of FreeBSD patterns). */
#include <weft/freebsd.h>

struct req {
	struct callout co;
	int n;
};

static struct mtx m;
static int done;

static void req_timeout(void *arg)
{
	struct req *r = arg;

	r->n++;
#ifndef OK
	callout_reset(&r->co, 1, req_timeout, r);
#endif
	free(r, M_TEMP);
	mtx_lock(&m);
	done = 1;
	wakeup(&done);
	mtx_unlock(&m);
}

WEFT_TEST(callout_handler_frees_self)
{
	struct req *r = malloc(sizeof(*r), M_TEMP, M_WAITOK | M_ZERO);

	mtx_init(&m, "m", NULL, MTX_DEF);
	callout_init(&r->co, 1);
	callout_reset(&r->co, 1, req_timeout, r);
	mtx_lock(&m);
	while (!done)
		msleep(&done, &m, PWAIT, "done", 0);
	mtx_unlock(&m);
	mtx_destroy(&m);
}
