// A one-shot request timeout: the callout is the last owner of the
// request, and its handler unlocks the request's mutex, destroys it and
// frees the request.  Initialised without CALLOUT_RETURNUNLOCKED (this
// twin), the softclock unlocks the mutex after the handler returns, so
// destroying it in the handler is misuse.  With the flag
// (callout_returnunlocked_free_ok.c) softclock_call_cc does not touch the
// lock after the handler, as callout(9) says; weft reported that too, "a
// handler ... is running" (a FreeBSD probe).
//! expect: bug misuse
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/malloc.h>
#include <sys/callout.h>

#ifdef OK
#define REQ_FLAGS CALLOUT_RETURNUNLOCKED
#else
#define REQ_FLAGS 0
#endif

struct req {
	struct mtx lock;
	struct callout to;
	int state;
};

static struct mtx done_mtx;
static int timeouts;

static void req_timeout(void *arg)
{
	struct req *r = arg;

	mtx_assert(&r->lock, MA_OWNED);
	r->state = 2;
	mtx_unlock(&r->lock);
	mtx_destroy(&r->lock);
	free(r, M_DEVBUF);
	mtx_lock(&done_mtx);
	timeouts++;
	wakeup(&timeouts);
	mtx_unlock(&done_mtx);
}

WEFT_TEST(callout_returnunlocked_free)
{
	struct req *r = malloc(sizeof(*r), M_DEVBUF, M_WAITOK | M_ZERO);

	mtx_init(&done_mtx, "done", NULL, MTX_DEF);
	mtx_init(&r->lock, "req", NULL, MTX_DEF);
	callout_init_mtx(&r->to, &r->lock, REQ_FLAGS);
	mtx_lock(&r->lock);
	r->state = 1;
	callout_reset(&r->to, 2, req_timeout, r);
	mtx_unlock(&r->lock);
	mtx_lock(&done_mtx);
	while (timeouts == 0)
		msleep(&timeouts, &done_mtx, 0, "reqwait", 0);
	mtx_unlock(&done_mtx);
	mtx_destroy(&done_mtx);
}
