// msleep(9) with a timeout returns EWOULDBLOCK when the timeout fires
// before a wakeup: its return says nothing of the condition.  The bug
// sleeps once and asserts the condition (an assertion when the timeout
// comes first).  msleep_timeout_loop_ok.c re-checks the condition in the
// usual loop, `while (!ready) msleep(..., hz)`, which must verify with
// the default options: the explorer fired the timeout for ever, the
// producer never ran, and the loop ended `inconclusive (step-limit)`
// (a helper's probe), where the same loop over pthread_cond_timedwait
// verified.  A timed sleep is now enabled only by its timeout until
// woken, and a sleeper back from a timeout polls, as a timed condition
// wait does.  The second test does the same with tsleep and
// msleep_spin.
//! expect: bug assertion
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/lock.h>
#include <sys/mutex.h>

static struct mtx m, sm;
static int ready, spin_ready;

static void producer(void *arg)
{
	(void)arg;
	mtx_lock(&m);
	ready = 1;
	wakeup(&ready);
	mtx_unlock(&m);
}

WEFT_TEST(msleep_timeout_loop)
{
	weft_thread_t t;

	mtx_init(&m, "m", NULL, MTX_DEF);
	t = weft_spawn(producer, NULL);
	mtx_lock(&m);
#ifdef OK
	while (!ready)
		(void)msleep(&ready, &m, PWAIT, "ready", hz);
#else
	if (!ready)
		(void)msleep(&ready, &m, PWAIT, "ready", hz);
#endif
	KASSERT(ready, ("woke without the condition"));
	mtx_unlock(&m);
	weft_join(t);
	mtx_destroy(&m);
}

static void spin_producer(void *arg)
{
	(void)arg;
	mtx_lock_spin(&sm);
	spin_ready = 1;
	wakeup_one(&spin_ready);
	mtx_unlock_spin(&sm);
}

WEFT_TEST(msleep_spin_timeout_loop)
{
	weft_thread_t t;

	mtx_init(&sm, "sm", NULL, MTX_SPIN);
	t = weft_spawn(spin_producer, NULL);
	mtx_lock_spin(&sm);
#ifdef OK
	while (!spin_ready)
		(void)msleep_spin(&spin_ready, &sm, "ready", hz);
#else
	if (!spin_ready)
		(void)msleep_spin(&spin_ready, &sm, "ready", hz);
#endif
	KASSERT(spin_ready, ("woke without the condition"));
	mtx_unlock_spin(&sm);
	weft_join(t);
	mtx_destroy(&sm);
}
