//! expect: bug misuse
/* condvar(9): cv_destroy() under INVARIANTS looks the cv up on the sleep
 * queues and asserts
 *     KASSERT(sq == NULL, ("%s: associated sleep queue non-empty", ...));
 * weft's cv_destroy is ((void)(cvp)).  Detach here sets `gone` and
 * destroys the cv without cv_broadcast while the poller still sleeps on
 * it in cv_timedwait (it would notice `gone` at its next timeout, so
 * nothing hangs): weft verifies it (148 schedules); it should report
 * misuse at cv_destroy in the schedules where the poller is asleep.  The
 * twin broadcasts and waits for the poller to leave before destroying. */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/condvar.h>

static struct mtx m;
static struct cv cv;
static int gone, left;

static void poller(void *arg)
{
	(void)arg;
	mtx_lock(&m);
	while (!gone)
		cv_timedwait(&cv, &m, hz);
	left = 1;
	cv_broadcast(&cv);
	mtx_unlock(&m);
}

WEFT_TEST(cv_destroy_waiters)
{
	weft_thread_t t;

	mtx_init(&m, "m", NULL, MTX_DEF);
	cv_init(&cv, "poll");
	t = weft_spawn(poller, NULL);
	mtx_lock(&m);
	gone = 1;
#ifdef OK
	cv_broadcast(&cv);
	while (!left)
		cv_wait(&cv, &m);
#endif
	mtx_unlock(&m);
#ifndef OK
	cv_destroy(&cv);
#endif
	weft_join(t);
#ifdef OK
	cv_destroy(&cv);
#endif
	mtx_destroy(&m);
}
