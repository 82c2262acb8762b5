//! expect(drain_during_migration): bug use-after-free
//! expect(running_while_pending_elsewhere): bug assertion
//! expect(drain_sleeps_on_wrong_cpu): bug misuse
/*
 * Seed 003 - FreeBSD r216805 (Attilio Rao, 2010-12-29), "Fix several
 * callout migration races".  This is kern_timeout.c as it was BEFORE that
 * commit (FreeBSD 8.1), cut down to one callwheel slot per CPU and MPSAFE
 * callouts.  The code under test is the callout subsystem itself, so this
 * file carries its own kern_timeout (callout_lock, callout_reset_on,
 * _callout_stop_safe, softclock) over weft's spin mutexes, threads and
 * sleep channels instead of using the callout(9) model in <weft/freebsd.h>.
 *
 * Two virtual CPUs, each with its callout_cpu (cc_lock, cc_curr,
 * cc_waiting) and a softclock thread.  The handler sc_timeout migrates its
 * own callout from CPU 0 to CPU 1 with callout_reset_on(), as in the
 * commit message's hypothesis.  The three tests reproduce its three
 * problems, one each:
 *
 *  Problem 1 (drain_during_migration): callout_reset_on() changes c_cpu,
 *    drops the old CPU's lock and retries; callout_drain() locks the NEW
 *    CPU in that window, sees the callout neither pending nor cc_curr there
 *    and returns while the handler still runs on CPU 0 - then the callout
 *    lands on CPU 1's queue.  The driver frees its softc after the drain:
 *    use-after-free.
 *  Problem 2 (running_while_pending_elsewhere): a callout running on CPU 0
 *    is at once pending on CPU 1, so CPU 1 runs the handler while CPU 0 is
 *    still inside it: the handler's check that it never runs twice at
 *    once fails (assertion).
 *  Problem 3 (drain_sleeps_on_wrong_cpu): _callout_stop_safe() locks the
 *    sleep queue of the old CPU's &cc->cc_waiting, the callout migrates,
 *    and it then sleeps on the NEW CPU's channel, whose sleep-queue lock it
 *    never took: the new CPU's wakeup slips in before the drain is on the
 *    queue and the drain sleeps forever (deadlock), with the old CPU's
 *    sleep-queue lock leaked.  weft reports the leak first: the softc is
 *    freed while that spin lock is still held (misuse: UMA's INVARIANTS
 *    assertion), in an execution before the one that deadlocks.
 *
 * after.c is the same file with the commit applied; `diff before.c
 * after.c` is the fix.
 */
#include <sys/queue.h>
/* This file is kern_timeout.c: hide freebsd.h's own callout(9) model. */
#define callout weft_freebsd_callout_model
#include <weft/freebsd.h>
#undef callout
#undef callout_init
#undef callout_reset_on
#undef callout_stop
#undef callout_drain
#undef curcpu

/* DELAY(9) busy-waits; freebsd.h has no DELAY yet, so spin here. */
#define DELAY(us) weft_yield()

#define MAXCPU 2
#define CALLOUT_ACTIVE 0x0002
#define CALLOUT_PENDING 0x0004

struct callout {
	TAILQ_ENTRY(callout) c_links;
	int c_time;
	void *c_arg;
	void (*c_func)(void *);
	int c_flags;
	volatile int c_cpu; /* CPU we're scheduled on (read unlocked) */
};

struct callout_cpu {
	struct mtx cc_lock;
	TAILQ_HEAD(, callout) cc_callwheel; /* one wheel slot is enough here */
	struct callout *cc_next;
	struct callout *cc_curr;
	int cc_waiting;
	int cc_ticks;      /* this CPU's view of ticks (cc_softticks) */
	int cc_softclock_stop; /* model only: end the softclock thread */
};

static struct callout_cpu cc_cpu[MAXCPU];

#define CC_CPU(cpu) (&cc_cpu[(cpu)])
#define CC_LOCK(cc) mtx_lock_spin(&(cc)->cc_lock)
#define CC_UNLOCK(cc) mtx_unlock_spin(&(cc)->cc_lock)

/* ---- sleep queues (subr_sleepqueue.c), as kern_timeout uses them -------
 * A stand-in for the four sleepq_* calls _callout_stop_safe makes: one
 * chain (spin lock) per wait channel, and a semaphore per channel on
 * which the sleepers block.  As in a kernel built without INVARIANTS, the
 * calls do not check that the caller holds the chain of the channel it
 * names - which is how the old drain code could sleep on one channel while
 * holding another channel's chain. */
struct sleepqueue_chain {
	struct mtx sc_lock;
	weft_atomic_t sc_nsleepers; /* added with sleepq_add, not yet woken */
	weft_sem_t sc_wake;
};
static struct sleepqueue_chain sleepq_chains[MAXCPU];

static struct sleepqueue_chain *SC_LOOKUP(void *wchan)
{
	for (int i = 0; i < MAXCPU; i++)
		if (wchan == &cc_cpu[i].cc_waiting)
			return &sleepq_chains[i];
	weft_assert(!"unknown wait channel");
	return 0;
}

static void sleepq_lock(void *wchan)
{
	mtx_lock_spin(&SC_LOOKUP(wchan)->sc_lock);
}

static void sleepq_release(void *wchan)
{
	struct sleepqueue_chain *sc = SC_LOOKUP(wchan);

	if (mtx_owned(&sc->sc_lock)) /* unchecked in a non-INVARIANTS kernel */
		mtx_unlock_spin(&sc->sc_lock);
}

static void sleepq_add(void *wchan)
{
	weft_atomic_fetch_add(&SC_LOOKUP(wchan)->sc_nsleepers, 1);
}

/* Release wchan's chain and block until a wakeup(wchan). */
static void sleepq_wait(void *wchan)
{
	struct sleepqueue_chain *sc = SC_LOOKUP(wchan);

	sleepq_release(wchan);
	weft_sem_wait(&sc->sc_wake);
}

/* wakeup(9) on a channel that has a sleep queue. */
static void sleepq_wakeup(void *wchan)
{
	struct sleepqueue_chain *sc = SC_LOOKUP(wchan);

	sleepq_lock(wchan);
	for (long n = weft_atomic_exchange(&sc->sc_nsleepers, 0); n > 0; n--)
		weft_sem_post(&sc->sc_wake);
	sleepq_release(wchan);
}

/* ---- kern_timeout.c ----------------------------------------------------- */

static void callout_init(struct callout *c)
{
	c->c_flags = 0;
	c->c_cpu = 0; /* timeout_cpu */
}

static struct callout_cpu *callout_lock(struct callout *c)
{
	struct callout_cpu *cc;
	int cpu;

	for (;;) {
		cpu = c->c_cpu;
		cc = CC_CPU(cpu);
		CC_LOCK(cc);
		if (cpu == c->c_cpu)
			break;
		CC_UNLOCK(cc);
	}
	return cc;
}

static int callout_reset_on(struct callout *c, int to_ticks,
			    void (*ftn)(void *), void *arg, int cpu)
{
	struct callout_cpu *cc;
	int cancelled = 0;

retry:
	cc = callout_lock(c);
	if (cc->cc_curr == c) {
		/*
		 * We're being asked to reschedule a callout which is
		 * currently in progress.
		 */
		if (cc->cc_waiting) {
			/*
			 * Someone has called callout_drain to kill this
			 * callout.  Don't reschedule.
			 */
			CC_UNLOCK(cc);
			return cancelled;
		}
	}
	if (c->c_flags & CALLOUT_PENDING) {
		if (cc->cc_next == c)
			cc->cc_next = TAILQ_NEXT(c, c_links);
		TAILQ_REMOVE(&cc->cc_callwheel, c, c_links);
		cancelled = 1;
		c->c_flags &= ~(CALLOUT_ACTIVE | CALLOUT_PENDING);
	}
	/*
	 * If the lock must migrate we have to check the state again as
	 * we can't hold both the new and old locks simultaneously.
	 */
	if (c->c_cpu != cpu) {
		c->c_cpu = cpu;
		CC_UNLOCK(cc);
		goto retry;
	}

	if (to_ticks <= 0)
		to_ticks = 1;
	c->c_arg = arg;
	c->c_flags |= (CALLOUT_ACTIVE | CALLOUT_PENDING);
	c->c_func = ftn;
	c->c_time = cc->cc_ticks + to_ticks;
	TAILQ_INSERT_TAIL(&cc->cc_callwheel, c, c_links);
	CC_UNLOCK(cc);
	wakeup(cc); /* model: the CPU's clock interrupt notices the wheel */
	return cancelled;
}

static int _callout_stop_safe(struct callout *c, int safe)
{
	struct callout_cpu *cc;
	int sq_locked;

	sq_locked = 0;
again:
	cc = callout_lock(c);
	/*
	 * If the callout isn't pending, it's not on the queue, so
	 * don't attempt to remove it from the queue.  We can try to
	 * stop it by other means however.
	 */
	if (!(c->c_flags & CALLOUT_PENDING)) {
		c->c_flags &= ~CALLOUT_ACTIVE;

		/*
		 * If it wasn't on the queue and it isn't the current
		 * callout, then we can't stop it, so just bail.
		 */
		if (cc->cc_curr != c) {
			CC_UNLOCK(cc);
			if (sq_locked)
				sleepq_release(&cc->cc_waiting);
			return 0;
		}

		if (safe) {
			/*
			 * The current callout is running (or just
			 * about to run) and blocking is allowed, so
			 * just wait for the current invocation to
			 * finish.
			 */
			while (cc->cc_curr == c) {
				/*
				 * If we already have the sleepqueue chain
				 * locked, then we can safely block.  If we
				 * don't already have it locked, however,
				 * we have to drop the cc_lock to lock
				 * it.  This opens several races, so we
				 * restart at the beginning once we have
				 * both locks.
				 */
				if (!sq_locked) {
					CC_UNLOCK(cc);
					sleepq_lock(&cc->cc_waiting);
					sq_locked = 1;
					goto again;
				}
				cc->cc_waiting = 1;
				CC_UNLOCK(cc);
				sleepq_add(&cc->cc_waiting);
				sleepq_wait(&cc->cc_waiting);
				sq_locked = 0;

				/* Reacquire locks previously released. */
				CC_LOCK(cc);
			}
		}
		CC_UNLOCK(cc);
		return 0;
	}
	if (sq_locked)
		sleepq_release(&cc->cc_waiting);

	c->c_flags &= ~(CALLOUT_ACTIVE | CALLOUT_PENDING);
	if (cc->cc_next == c)
		cc->cc_next = TAILQ_NEXT(c, c_links);
	TAILQ_REMOVE(&cc->cc_callwheel, c, c_links);
	CC_UNLOCK(cc);
	return 1;
}

#define callout_stop(c) _callout_stop_safe(c, 0)
#define callout_drain(c) _callout_stop_safe(c, 1)

/* softclock: the swi thread of one CPU, running its due callouts. */
static void softclock(void *arg)
{
	struct callout_cpu *cc = arg;
	struct callout *c;
	void (*c_func)(void *);
	void *c_arg;

	CC_LOCK(cc);
	for (;;) {
		/* Virtual time: a one-tick callout is due at the next tick,
		 * which may come at any moment; longer ones wait until the
		 * test lets time pass (kern_timeout_shutdown). */
		c = TAILQ_FIRST(&cc->cc_callwheel);
		if (c != NULL && c->c_time > cc->cc_ticks + 1)
			c = NULL;
		if (c == NULL) {
			if (cc->cc_softclock_stop)
				break;
			msleep_spin(cc, &cc->cc_lock, "-", 0);
			continue;
		}
		cc->cc_next = TAILQ_NEXT(c, c_links);
		TAILQ_REMOVE(&cc->cc_callwheel, c, c_links);
		c_func = c->c_func;
		c_arg = c->c_arg;
		c->c_flags &= ~CALLOUT_PENDING;
		cc->cc_curr = c;
		CC_UNLOCK(cc);
		c_func(c_arg);
		CC_LOCK(cc);
		cc->cc_curr = NULL;
		if (cc->cc_waiting) {
			/*
			 * There is someone waiting for the
			 * callout to complete.
			 */
			cc->cc_waiting = 0;
			CC_UNLOCK(cc);
			sleepq_wakeup(&cc->cc_waiting);
			CC_LOCK(cc);
		}
		cc->cc_next = NULL;
	}
	CC_UNLOCK(cc);
}

/* ---- the test harness: boot two CPUs, a driver with one callout --------- */

struct softc {
	struct callout sc_callout;
	weft_atomic_t sc_running; /* handlers executing now */
	weft_atomic_t sc_calls;
	int sc_period;       /* ticks until the re-armed callout is due */
	int sc_check_reentry;
};

static weft_thread_t swi[MAXCPU];

static void kern_timeout_boot(void)
{
	static const char *const swi_name[MAXCPU] = { "softclock0",
						      "softclock1" };

	for (int i = 0; i < MAXCPU; i++) {
		mtx_init(&cc_cpu[i].cc_lock, "callout", NULL, MTX_SPIN);
		TAILQ_INIT(&cc_cpu[i].cc_callwheel);
		mtx_init(&sleepq_chains[i].sc_lock, "sleepq chain", NULL,
			 MTX_SPIN);
		weft_sem_init(&sleepq_chains[i].sc_wake, 0, "codrain");
		swi[i] = weft_spawn_at(softclock, &cc_cpu[i], swi_name[i],
				       WEFT_HERE);
	}
}

static void kern_timeout_shutdown(void)
{
	for (int i = 0; i < MAXCPU; i++) {
		CC_LOCK(&cc_cpu[i]);
		cc_cpu[i].cc_ticks += hz; /* let time pass */
		cc_cpu[i].cc_softclock_stop = 1;
		CC_UNLOCK(&cc_cpu[i]);
		wakeup(&cc_cpu[i]);
	}
	for (int i = 0; i < MAXCPU; i++)
		weft_join(swi[i]);
}

/* The driver's handler: on its first run (on CPU 0) it moves itself to
 * CPU 1 - "thread1 is doing a callout_reset_on(), within his callout
 * handler, willing to ... migrate the callout".  DELAY() stands for the
 * time the handler spends with its device. */
static void sc_timeout(void *arg)
{
	struct softc *sc = arg;

	if (sc->sc_check_reentry)
		KASSERT(weft_atomic_load(&sc->sc_running) == 0,
			("sc_timeout runs on two CPUs at once"));
	weft_atomic_fetch_add(&sc->sc_running, 1);
	if (weft_atomic_fetch_add(&sc->sc_calls, 1) == 0)
		callout_reset_on(&sc->sc_callout, sc->sc_period, sc_timeout,
				 sc, 1);
	DELAY(1);
	weft_atomic_fetch_add(&sc->sc_running, -1);
}

static struct softc *sc_attach(int period, int check_reentry)
{
	struct softc *sc = malloc(sizeof(*sc), M_DEVBUF, M_WAITOK | M_ZERO);

	sc->sc_period = period;
	sc->sc_check_reentry = check_reentry;
	callout_init(&sc->sc_callout);
	callout_reset_on(&sc->sc_callout, 1, sc_timeout, sc, 0);
	return sc;
}

/* Problem 1: the driver detaches - callout_drain(), then free the softc,
 * which callout_drain() promises is safe.  The handler re-arms itself on
 * CPU 1 a second later, so CPU 1 never runs it before the drain. */
WEFT_TEST(drain_during_migration)
{
	struct softc *sc;

	kern_timeout_boot();
	sc = sc_attach(hz, 0);
	callout_drain(&sc->sc_callout);
	free(sc, M_DEVBUF);
	kern_timeout_shutdown();
}

/* Problem 2: nobody drains; the handler re-arms itself on CPU 1 for the
 * next tick while it is still running on CPU 0. */
WEFT_TEST(running_while_pending_elsewhere)
{
	struct softc *sc;

	kern_timeout_boot();
	sc = sc_attach(1, 1);
	kern_timeout_shutdown();
	free(sc, M_DEVBUF);
}

/* Problem 3: the handler re-arms itself on CPU 1 for the next tick, and
 * the drain has to sleep for whichever CPU runs it. */
WEFT_TEST(drain_sleeps_on_wrong_cpu)
{
	struct softc *sc;

	kern_timeout_boot();
	sc = sc_attach(1, 0);
	callout_drain(&sc->sc_callout);
	kern_timeout_shutdown();
	free(sc, M_DEVBUF);
}
