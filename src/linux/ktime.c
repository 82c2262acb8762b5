/* src/linux/ktime.c - the virtual clock: jiffies, its events, sleeping
 *
 * (<weft/linux.h>'s timers are in ktimer.c.)
 * Pending deadlines are events kept sorted by (expiry, arming order).  The
 * daemon thread ksoftirqd/0 is enabled whenever an event can fire; when the
 * explorer runs it, it fires the earliest one and moves jiffies forward to
 * its expiry.  Everything here is one object for partial-order reduction
 * (weft__lx_dom), shared with the workqueues because delayed work crosses
 * both. */
#include <stdio.h>

#include "lx.h"

char weft__lx_dom;

static struct {
	unsigned long jiffies, seq;
	/* How far lone polls moved jiffies (weft_jiffies_at): time passing
	 * for a spinner, which is no other thread's progress. */
	unsigned long drift;
	struct weft_kevent *head;
	int thread;                /* ksoftirqd's id + 1; -1 while spawning */
	/* The clock thread while it sleeps: nothing is armed, so it cannot
	 * run before weft__lx_ev_arm (weft__sched_sleep; asking clock_ready
	 * at every step was 1% of the kernel workload's instructions). */
	unsigned long long idle;
} T;

void weft__lx_time_begin(void)
{
	T.jiffies = WEFT_INITIAL_JIFFIES;
	T.drift = 0;
	T.seq = 0;
	T.head = NULL;
	T.thread = 0;
	T.idle = 0;
}

unsigned long weft__lx_now(void)
{
	return T.jiffies;
}

static void unlink_ev(struct weft_kevent *ev)
{
	for (struct weft_kevent **p = &T.head; *p; p = &(*p)->next)
		if (*p == ev) {
			*p = ev->next;
			break;
		}
	ev->next = NULL;
	ev->armed = 0;
}

/* Is the caller the context that this event's owner runs in (a timer
 * re-arming itself from its callback, a delayed work from its function),
 * or a work its callback queued (a watchdog timer whose work re-arms it:
 * each round reset the count, and a correct teardown of such a pair was
 * inconclusive, step-limit, from the cycle starving the test)?  Only such
 * self-re-arming counts against the refire bound. */
static bool self_rearm(const struct weft_kevent *ev)
{
	const struct weft__lx_thread *me = weft__lx_me();

	if (me->cause == ev)
		return true;

	if (ev->kind == LX_EV_TIMER)
		return ((const struct weft_timer *)ev->owner)->running ==
		       weft__self() + 1;
	if (ev->kind == LX_EV_DWORK)
		return me->work == &((struct weft_dwork *)ev->owner)->work;
	if (ev->kind == LX_EV_XTIMER)
		return weft__lx_xtimer_self(ev->owner);
	return false;
}

void weft__lx_ev_arm(struct weft_kevent *ev, int kind, unsigned long expires,
	       void *owner, const struct weft_loc *loc)
{
	struct weft_kevent **p;

	if (ev->armed)
		unlink_ev(ev);
	ev->kind = (unsigned char)kind;
	ev->owner = owner;
	if (!self_rearm(ev))
		ev->fires = 0;
	ev->expires = expires;
	ev->seq = ++T.seq;
	ev->armed = 1;
	ev->fired = 0;
	ev->armed_at = loc;
	/* Expiries are compared as differences so that wrapping jiffies
	 * order correctly, as time_before() does. */
	for (p = &T.head; *p && (long)((*p)->expires - expires) <= 0;
	     p = &(*p)->next)
		;
	ev->next = *p;
	*p = ev;
	weft__sched_wake(&T.idle);
}

int weft__lx_ev_disarm(struct weft_kevent *ev)
{
	if (!ev->armed)
		return 0;
	unlink_ev(ev);
	return 1;
}

struct weft_dwork *weft__lx_ev_dwork_for(const struct weft_wq *wq)
{
	for (struct weft_kevent *ev = T.head; ev; ev = ev->next)
		if (ev->kind == LX_EV_DWORK &&
		    ((struct weft_dwork *)ev->owner)->wq == wq)
			return ev->owner;
	return NULL;
}

/* A timer or delayed work that re-armed itself WEFT_TIMER_REFIRE_BOUND
 * times in a row. */
static bool past_bound(const struct weft_kevent *ev)
{
	return (ev->kind == LX_EV_TIMER || ev->kind == LX_EV_DWORK ||
		ev->kind == LX_EV_XTIMER) &&
	       ev->fires >= WEFT_TIMER_REFIRE_BOUND;
}

/* An event past the bound fires again only when time has to pass its
 * expiry anyway: when a deadline that is not past the bound (a sleep, a
 * timed wait, a timer armed by another context) is due at or after it
 * (the list is in expiry order).  So a timer re-arming itself every
 * jiffy fires ten times in a ten-jiffy msleep, as in the kernel, and
 * holds back nothing once no other deadline needs the clock to move: it
 * fired only three times in such a sleep, and a bug on its fourth run
 * was verified.  Each such fire moves the clock on by a jiffy at least
 * (a timer re-armed for the current jiffy fires at the next tick), and
 * at WEFT_TIMER_REFIRE_CAP fires in a row the event stops, which the
 * verdict says: a watchdog firing every jiffy through a ten-second
 * timed wait made every execution run into the step limit. */
static bool fireable(const struct weft_kevent *ev)
{
	if (!past_bound(ev))
		return true;
	if (ev->fires >= WEFT_TIMER_REFIRE_CAP)
		return false;
	for (const struct weft_kevent *e = ev->next; e; e = e->next)
		if (!past_bound(e))
			return true;
	return false;
}

/* Said on the verdict of every test where an event met the cap. */
static void cap_note(void)
{
	weft__verdict_note(0x5245464952454341ull,
			   weft__internf("a timer or delayed work that re-arms "
					 "itself fires at most %d times in a "
					 "row in an execution, then stays "
					 "pending: a bug on a later run is not "
					 "found",
					 WEFT_TIMER_REFIRE_CAP));
}

static struct weft_kevent *next_fireable(void)
{
	for (struct weft_kevent *ev = T.head; ev; ev = ev->next)
		if (fireable(ev))
			return ev;
	return NULL;
}

static bool clock_ready(const struct weft__op *op)
{
	(void)op;
	return next_fireable() != NULL;
}

/* The thread whose sleep event ev is (timed waits use it too). */
static int sleeper_of(const struct weft_kevent *ev)
{
	return (int)((const struct weft__lx_thread *)((const char *)ev -
		offsetof(struct weft__lx_thread, sleep_ev)) - weft__lx_th);
}

static void clock_thread(void *arg)
{
	struct weft__op op = { .name = "run_timers", .obj = &weft__lx_dom,
			       .objname = LX_DOM_NAME,
			       .access = WEFT__ACC_WRITE,
			       .ready = clock_ready, .timekeeping = true };
	(void)arg;
	for (;;) {
		struct weft_kevent *ev;
		struct weft_dwork *d;

		if (!T.head)
			weft__sched_sleep(&T.idle);
		weft__visible(&op);
		ev = next_fireable();
		unlink_ev(ev);
		if (past_bound(ev)) {
			if ((long)(ev->expires - T.jiffies) <= 0)
				ev->expires = T.jiffies + 1;
			if (ev->fires + 1 >= WEFT_TIMER_REFIRE_CAP) {
				cap_note();
				weft__bound_held();
			}
		}
		ev->fires++;
		ev->fired = 1;
		if ((long)(ev->expires - T.jiffies) > 0)
			T.jiffies = ev->expires;
		switch (ev->kind) {
		case LX_EV_TIMER:
			weft__lx_timer_fire(ev->owner);
			break;
		case LX_EV_DWORK:
			d = ev->owner;
			/* Named, as a freed timer is: the plain check drew a
			 * write of the whole work at the queueing's line. */
			weft__lx_freed_armed(d, ev->armed_at, "delayed work",
					     d->work.name);
			weft__check_access(d, sizeof *d, true, ev->armed_at);
			weft__step_note(d->work.name);
			weft__lx_wq_insert(d->wq, &d->work, d->cpu,
					   ev->armed_at);
			weft__lx_wq_spawn_if_needed(d->wq, ev->armed_at);
			weft__note_progress();
			break;
		case LX_EV_TWAIT:
			weft__lx_completion_timeout(ev->owner, sleeper_of(ev),
					      ev->gen);
			break;
		case LX_EV_WQWAIT:
			weft__lx_waitq_timeout(ev->owner, sleeper_of(ev), ev->gen);
			break;
		case LX_EV_SLEEP:
			/* schedule_timeout's: a step on the sleeper's task
			 * state, ordered against its wake-ups (ext_sched.c);
			 * msleep's has no owner. */
			if (ev->owner)
				weft__lx_task_timeout(ev->owner);
			break;
		default: /* LX_EV_XTIMER: the timer's handler thread sees
			  * ev->fired */
			break;
		}
	}
}

void weft__lx_clock_need_thread(const struct weft_loc *loc)
{
	int tid;

	if (T.thread)
		return;
	T.thread = -1;
	tid = weft__lx_spawn_system(clock_thread, NULL, "ksoftirqd/0",
				    (uintptr_t)&T, loc);
	T.thread = tid + 1;
}

unsigned long weft_jiffies_at(const struct weft_loc *loc)
{
	struct weft__lx_thread *me = weft__lx_me();

	weft__point("jiffies", &weft__lx_dom, LX_DOM_NAME, WEFT__ACC_READ, loc);
	/* A thread spinning alone, or threads that all spin (sched.c), may
	 * be polling for a deadline, which the kernel's clock would reach:
	 * time passes at each read as for the pthread clock (a tick, and a
	 * jump of ten years once a spin used up its rounds).  Without it, a
	 * driver's poll of a status bit with a timeout and cpu_relax() was a
	 * false livelock. */
	long long lone = weft__lone_clock_read();

	/* A timer's handler may run any time after its expiry (its CPU
	 * busy, ksoftirqd not scheduled): a poll that goes on while a fired
	 * handler waits (an unfair continuation, within --fair-bound) sees
	 * the clock move a tick.  Without it the handler always ran first,
	 * and a driver taking a deadline for the handler's completion was
	 * verified (a probe).  Other waiting threads move no clock: a
	 * poll of a flag with a generous timeout timed out at the bound's
	 * ticks (a review's). */
	if (!lone && weft__unfair_step_take() && weft__lx_xtimer_handler_due())
		lone = 1000000000LL / WEFT_HZ;
	if (lone) {
		unsigned long by =
			(unsigned long)(lone / (1000000000LL / WEFT_HZ));
		T.jiffies += by;
		T.drift += by;
	}
	/* A loop that waits for a deadline sees the clock move: it is not
	 * spinning even though it only sleeps and reads.  The ticks of lone
	 * polls are left out: a spinner's own time passing is no change. */
	if (me->seen_jiffies != T.jiffies - T.drift)
		weft__saw_change();
	me->seen_jiffies = T.jiffies - T.drift;
	return T.jiffies;
}

bool weft__lx_clock_moved(void)
{
	struct weft__lx_thread *me = weft__lx_me();
	bool moved = me->seen_jiffies != T.jiffies - T.drift;

	me->seen_jiffies = T.jiffies - T.drift;
	return moved;
}

/* Each thread's last read of jiffies, for weft_jiffies_ref. */
static unsigned long jiffies_read[WEFT__MAX_THREADS];

const volatile unsigned long *weft_jiffies_ref(const struct weft_loc *loc)
{
	int t = weft__self() < 0 ? 0 : weft__self();

	jiffies_read[t] = weft_jiffies_at(loc);
	return &jiffies_read[t];
}

/* ---- sleeping ------------------------------------------------------------ */

static bool sleep_ready(const struct weft__op *op)
{
	const struct weft_kevent *ev = op->arg;
	return ev->fired;
}

int weft__lx_clock_tid(void)
{
	return T.thread > 0 ? T.thread - 1 : -1;
}

static int sleep_waitdesc(const struct weft__op *op, char *buf, size_t n)
{
	const struct weft_kevent *ev = op->arg;

	snprintf(buf, n, "jiffies to reach %lu (now %lu), advanced by "
		 "ksoftirqd/0", ev->expires, T.jiffies);
	return weft__lx_clock_tid();
}

long weft_ksleep(unsigned long ticks, const char *what,
		 const struct weft_loc *loc)
{
	struct weft__lx_thread *me = weft__lx_me();
	struct weft__op op = { .name = what, .obj = &weft__lx_dom,
			       .objname = LX_DOM_NAME,
			       .access = WEFT__ACC_WRITE, .timekeeping = true,
			       .loc = loc };

	weft_might_sleep(what, NULL, loc);
	weft__visible(&op);
	if (!ticks)
		return 0;
	weft__lx_ev_arm(&me->sleep_ev, LX_EV_SLEEP, T.jiffies + ticks, NULL, loc);
	weft__lx_clock_need_thread(loc);
	op.ready = sleep_ready;
	op.waitdesc = sleep_waitdesc;
	op.arg = &me->sleep_ev;
	weft__visible(&op);
	/* A yield, as a timed-out schedule_timeout's (ext_sched.c): the
	 * sleeper waits for the threads that could run, whatever it writes
	 * next.  As a spinner's poll it was not one: a round may do work
	 * another thread must see in time (a counter of rounds a kthread
	 * checks), and the default search verified such a bug within 2
	 * unfair continuations, where it needs 4; as no round at all, a
	 * correct poll of a flag with msleep() between rounds was explored
	 * round by round, `pass` after 33 s.  Kept, the rounds it runs on
	 * are unfair continuations, whose bound the default search deepens
	 * (kernel/sleep_rounds_*: found at 4, and verified). */
	weft__yield_kept();
	return 0;
}

void weft__lx_freed_armed(const void *owner, const struct weft_loc *armed_at,
			  const char *what, const char *name)
{
	if (weft__heap_freed(owner))
		weft__fail(WEFT__K(USE_AFTER_FREE), armed_at,
			   "%s %s, armed at %s, is in memory freed while it "
			   "was pending: it fires on freed memory", what, name,
			   weft__lx_site(armed_at));
}

/* Armed timers and delayed works at the end of the test: the kernel would
 * fire them after the module (or object) is gone. */
void weft__lx_time_end_check(void)
{
	for (struct weft_kevent *ev = T.head; ev; ev = ev->next) {
		if (ev->kind == LX_EV_TIMER) {
			const struct weft_timer *t = ev->owner;
			weft__lx_freed_armed(t, ev->armed_at, "timer",
					     weft__lx_timer_name(t));
			weft__fail(WEFT__K(LEAK), ev->armed_at,
				   "timer %s is still armed at the end of the "
				   "test (expires at jiffies %lu, now %lu)",
				   weft__lx_timer_name(t), ev->expires, T.jiffies);
		}
		if (ev->kind == LX_EV_DWORK) {
			const struct weft_dwork *d = ev->owner;
			weft__lx_freed_armed(d, ev->armed_at, "delayed work",
					     d->work.name);
			weft__fail(WEFT__K(LEAK), ev->armed_at,
				   "delayed work %s is still pending at the end "
				   "of the test (due at jiffies %lu, now %lu)",
				   d->work.name, ev->expires, T.jiffies);
		}
	}
}
