//! expect: verified
//! args: --strategy=dfs
/* weft reports "misuse: msleep with a negative timeout (-3)" on this
 * correct program (all strategies); it should verify.
 * A deadline wait: timo = deadline - ticks, negative once the deadline
 * has passed (here a slow first phase took 5 ticks).  FreeBSD's msleep
 * passes tick_sbt * timo to _sleep, and callout_when() with C_HARDCLOCK
 * turns any sbt below one tick into one tick: a negative timo is a
 * one-tick sleep that returns EWOULDBLOCK, no assertion.  OK twin clamps
 * timo to 1 itself. */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/callout.h>
static struct mtx m;
static struct callout co;
static int phase1, done;
static void fire(void *arg) { (void)arg; phase1 = 1; wakeup(&phase1); }
WEFT_TEST(msleep_negative) {
	int deadline, timo, error;
	mtx_init(&m, "m", NULL, MTX_DEF);
	callout_init_mtx(&co, &m, 0);
	mtx_lock(&m);
	deadline = ticks + 2;
	callout_reset(&co, 5, fire, NULL);
	while (!phase1)
		msleep(&phase1, &m, 0, "p1", 0);
	timo = deadline - ticks;
#ifdef CLAMP
	if (timo <= 0) timo = 1;
#endif
	error = done ? 0 : msleep(&done, &m, 0, "dl", timo);
	KASSERT(error == EWOULDBLOCK, ("nobody sets done"));
	mtx_unlock(&m);
	callout_drain(&co);
	mtx_destroy(&m);
}
