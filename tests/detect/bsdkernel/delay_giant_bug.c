//! expect: bug livelock
/* A thread holds Giant and busy-waits with DELAY(9) for a flag that a
 * thread blocked on Giant would set: it hangs for ever.  DELAY was a
 * barrier to weft, no round of a spin, so each execution ran to the step
 * limit and the search ended inconclusive at the time limit (a FreeBSD
 * probe); it is a livelock now.  delay_giant_ok.c sleeps with tsleep,
 * which drops Giant. */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/lock.h>
#include <sys/mutex.h>

static int done;

static void waker(void *arg)
{
	(void)arg;
	mtx_lock(&Giant);
	done = 1;
	wakeup(&done);
	mtx_unlock(&Giant);
}

WEFT_TEST(delay_giant)
{
	weft_thread_t w = weft_spawn(waker, NULL);

	mtx_lock(&Giant);
	while (!done)
#ifdef FIXED
		tsleep(&done, 0, "g", 0);
#else
		DELAY(1);
#endif
	mtx_unlock(&Giant);
	weft_join(w);
}
