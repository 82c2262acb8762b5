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

/* A poller that counts its rounds, each a timed-out msleep, against a
 * checker that asserts the poller did not already go three rounds: a
 * real bug, which making the sleep a timed wait for fair scheduling must
 * not hide (a Linux twin was verified when its msleep became a poll's
 * round: kernel/sleep_rounds_bug.c).  The ok twin asserts what holds:
 * the count never goes down. */
static struct mtx rm;
static int rounds, rounds_done;

static void checker(void *arg)
{
	int first = __atomic_load_n(&rounds, __ATOMIC_SEQ_CST);

	(void)arg;
#ifdef OK
	KASSERT(__atomic_load_n(&rounds, __ATOMIC_SEQ_CST) >= first,
		("the count went down"));
#else
	KASSERT(first < 3, ("three rounds before the checker ran"));
#endif
	__atomic_store_n(&rounds_done, 1, __ATOMIC_SEQ_CST);
}

WEFT_TEST(msleep_rounds)
{
	weft_thread_t t;

	mtx_init(&rm, "rm", NULL, MTX_DEF);
	t = weft_spawn(checker, NULL);
	mtx_lock(&rm);
	while (!__atomic_load_n(&rounds_done, __ATOMIC_SEQ_CST)) {
		__atomic_store_n(&rounds, rounds + 1, __ATOMIC_SEQ_CST);
		(void)msleep(&rounds, &rm, PWAIT, "rounds", hz);
	}
	mtx_unlock(&rm);
	weft_join(t);
	mtx_destroy(&rm);
}
