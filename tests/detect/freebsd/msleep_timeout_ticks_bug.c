//! expect: bug assertion
/* A timed msleep(9) that ends by its timeout returns EWOULDBLOCK after
 * timo ticks: the virtual ticks must have reached the sleep's deadline.
 * The waiter gives up at a ticks deadline one second away, sleeping a
 * tenth of a second at a time; the bug twin then asserts the flag, which
 * the waker may not have set yet.  The timeouts never moved ticks, so the
 * loop could only end with the flag set and the bug was verified (a
 * FreeBSD probe); the ok twin (msleep_timeout_ticks_ok.c) asserts nothing
 * and must stay verified. */
#include <weft/freebsd.h>

static struct mtx m;
static int done;

static void waker(void *arg)
{
	(void)arg;
	mtx_lock(&m);
	done = 1;
	wakeup(&done);
	mtx_unlock(&m);
}

WEFT_TEST(msleep_timeout_ticks)
{
	weft_thread_t w;
	int end;

	mtx_init(&m, "m", NULL, MTX_DEF);
	w = weft_spawn(waker, NULL);
	end = ticks + hz;
	mtx_lock(&m);
	while (!done && (int)(ticks - end) < 0)
		(void)msleep(&done, &m, 0, "w", hz / 10);
#ifndef FIXED
	KASSERT(done, ("timed out"));
#endif
	mtx_unlock(&m);
	weft_join(w);
	mtx_destroy(&m);
}
