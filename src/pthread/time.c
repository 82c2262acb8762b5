/* src/pthread/time.c - sleeping and clocks on virtual time.
 *
 * Inside an execution time is virtual: it starts at the same instant every
 * execution (so runs are reproducible).  A sleep is a scheduling point
 * where other threads may run (a sleep orders nothing: "sleep(1) so the
 * other thread goes first" is one interleaving among those explored), and
 * when it ends the clock stands at least at its deadline: sleeps of
 * threads side by side overlap, as the kernel's do (they added up, and a
 * batch of parallel one-second sleeps took two seconds: a false alarm),
 * and another thread may read the clock before the sleep ends (the clock
 * jumped at the sleep's start, so a reader never saw the time before the
 * sleeper woke: a division by an elapsed time that is zero natively was
 * verified; a probe of pthread programs).  So a sleep's end moves the
 * clock and a read reads it: both are steps on one clock object, ordered
 * for the explorer and for no one else (a sleep still orders nothing for
 * the race detector).  The reads are clock.c's. */
#include <errno.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>

#include "pthread/pt.h"
#include "modelled.h"

static long long now_ns;           /* virtual time of this execution */

/* A deadline further off than FAR_YEARS never comes in a run anyone waits
 * for.  Not one year: a deadline taken from a clock weft does not make
 * virtual (syscall(SYS_clock_gettime), a library's gettimeofday) lies
 * years past weft's virtual wall clock, which starts in November 2023,
 * and a correct one-second wait became a false deadlock (a review's
 * probe); the mix-up of far_left below is over fifty years. */
#define YEAR_NS (365LL * 24 * 3600 * 1000000000LL)
#define FAR_YEARS 30
#define FAR_NS (FAR_YEARS * YEAR_NS)

static long long sleep_for_ever(clockid_t c, const struct weft_loc *loc);

/* The clock's steps: a sleep's end writes it, a read reads it.  An
 * explicit order with neither acquire nor release: the explorer orders
 * them, the race detector does not. */
static char clock_obj;

void weft__pt_clock_step(const char *name, int access,
			 const struct weft_loc *loc)
{
	struct weft__op op = { .name = name, .obj = &clock_obj,
			       .objname = "clock", .access = access,
			       .order = WEFT__ORDER_EXPLICIT,
			       .timekeeping = true, .loc = loc };

	weft__visible(&op);
}

/* A sleep's step on the clock, which in a program that sends itself
 * signals also reads, for the explorer, the object a kill writes: which
 * thread a signal interrupts depends on whether it sleeps. */
static void sleep_step(const char *name, int access,
		       const struct weft_loc *loc)
{
	struct weft__op op = { .name = name, .obj = &clock_obj,
			       .objname = "clock", .access = access,
			       .obj_read = weft__pt_sig_intr_obj(),
			       .order = WEFT__ORDER_EXPLICIT,
			       .timekeeping = true, .loc = loc };

	weft__visible(&op);
}

/* Every sleep is a cancellation point (cancel.c): a request pending as
 * it begins, or coming while it sleeps, is acted on at its start.  abs,
 * on clock c, is an absolute deadline (TIMER_ABSTIME), read in the
 * sleep's first step: computed before it, the time left overshot the
 * deadline by however far another thread's wake moved the clock in
 * between (a review). */
static long long advance_to(long long ns, clockid_t c,
			     const struct timespec *abs,
			     const struct weft_loc *loc)
{
	long long deadline;

	/* A sleep longer than FAR_YEARS (nanosleep({ LONG_MAX, 0 }) to
	 * sleep until cancelled) never ends in a run, as a deadline that
	 * far off does not come: passed, it moved the clock to its end (a
	 * review). */
	if (ns > FAR_NS)
		return sleep_for_ever(CLOCK_MONOTONIC, loc);
	weft__pt_cancel_check(loc);
	/* Two steps: the sleep begins, reading the clock for its deadline,
	 * and ends, moving the clock to it; between them any other thread
	 * may run, and may start its own sleep before this one ends (sleeps
	 * side by side overlap) or after (it was delayed).  A signal sent
	 * to the process may choose the thread between them (sigintr.c):
	 * the sleep then ends at its wake with the time it had left, the
	 * handler run. */
	sleep_step("sleep", WEFT__ACC_READ, loc);
	if (abs)
		ns = weft__pt_ns_until(c, abs);
	deadline = ns > 0 && ns > LLONG_MAX - now_ns ? LLONG_MAX
						    : now_ns + (ns > 0 ? ns : 0);
	weft__pt_sig_wait_enter(WEFT__PT_INTR_SLEEP);
	sleep_step("wake", WEFT__ACC_WRITE, loc);
	if (weft__pt_sig_wait_leave() && deadline > now_ns) {
		weft__step_note("interrupted");
		return deadline - now_ns;
	}
	if (deadline > now_ns)
		now_ns = deadline;
	/* Sleeping in a loop until something changes is polling. */
	weft__spun();
	return 0;
}

static long long advance(long long ns, const struct weft_loc *loc)
{
	return advance_to(ns, CLOCK_MONOTONIC, NULL, loc);
}

void weft__pt_sleep_ns(long long ns, const struct weft_loc *loc)
{
	(void)advance(ns, loc);
}

/* The time left, left ns, of a sleep a signal interrupted. */
static void left_ts(long long left, struct timespec *rem)
{
	if (rem) {
		rem->tv_sec = left / 1000000000LL;
		rem->tv_nsec = left % 1000000000LL;
	}
}

/* A timed wait that timed out waited until its deadline: the clock moves
 * there in a step of its own, ordered with the other threads' reads as a
 * sleep's end is (a reader that saw the time before the timeout was
 * never tried: a review's probe). */
void weft__pt_time_jump(long long ns, const struct weft_loc *loc)
{
	if (ns <= 0)
		return;
	weft__pt_clock_step("timed out", WEFT__ACC_WRITE, loc);
	weft__pt_time_pass(ns);
}

/* The same to the absolute deadline abs on clock c, read after the step:
 * read before it, another thread's wake in between made the clock pass
 * the deadline by as much (a review). */
void weft__pt_time_jump_to(clockid_t c, const struct timespec *abs,
			   const struct weft_loc *loc)
{
	if (!abs || weft__pt_nsec_bad(abs) || weft__pt_ns_until(c, abs) <= 0)
		return;
	weft__pt_clock_step("timed out", WEFT__ACC_WRITE, loc);
	weft__pt_time_pass(weft__pt_ns_until(c, abs));
}

void weft__pt_time_pass(long long ns)
{
	/* Saturated: a sleep of { LONG_MAX, 0 } wrapped the clock round to
	 * before its start (a review). */
	if (ns > 0)
		now_ns = ns > LLONG_MAX - now_ns ? LLONG_MAX : now_ns + ns;
}

bool weft__pt_bad_deadline(const struct timespec *ts)
{
	return ts && weft__pt_nsec_bad(ts);
}

/* A deadline on CLOCK_MONOTONIC (time since boot) computed from
 * CLOCK_REALTIME (since 1970) lies some 54 years off, and the real wait
 * hangs; virtual time jumped there and the program was verified.  So a
 * wait whose deadline is more than FAR_YEARS away never times out here, and
 * one nobody ends is a deadlock, whose report says how far off the
 * deadline was and names the likely mix-up. */
static long long far_left(clockid_t c, const struct timespec *abs)
{
	long long left;

	if (!abs || weft__pt_nsec_bad(abs) ||
	    (left = weft__pt_ns_until(c, abs)) <= FAR_NS)
		return 0;
	return left;
}

bool weft__pt_deadline_far(clockid_t c, const struct timespec *abs)
{
	long long left = far_left(c, abs);

	if (!left)
		return false;
	weft__wait_note(weft__internf(
		"its deadline is %lld years away on %s and never comes%s",
		left / YEAR_NS,
		c == CLOCK_MONOTONIC ? "CLOCK_MONOTONIC" : "CLOCK_REALTIME",
		c == CLOCK_MONOTONIC
			? ": a deadline taken from CLOCK_REALTIME for a wait "
			  "on CLOCK_MONOTONIC?"
			: ""));
	return true;
}

void weft__pt_wait_begin(clockid_t c, const struct timespec *abs)
{
	if (!weft__pt_deadline_far(c, abs))
		weft__timed_wait(true);
}

void weft__pt_wait_end(void)
{
	weft__wait_note(NULL);
	weft__timed_wait(false);
}

bool weft__pt_times_out(const char *what, clockid_t c,
			const struct timespec *abs, const struct weft_loc *loc)
{
	if (far_left(c, abs) || !weft__choose_timeout(what, loc))
		return false;
	weft__timed_out();
	weft__pt_time_jump_to(c, abs, loc);
	return true;
}

/* Interrupted, sleep returns the seconds left, rounded as glibc does;
 * usleep, nanosleep and clock_nanosleep fail with EINTR (never
 * restarted, SA_RESTART or not: signal(7)). */
unsigned __weft_sleep(unsigned s)
{
	long long left;

	if (!weft__pt_live())
		return sleep(s);
	left = advance((long long)s * 1000000000LL, PT_LOC());
	return (unsigned)(left / 1000000000LL +
			  (left % 1000000000LL >= 500000000LL));
}

int __weft_usleep(useconds_t us)
{
	if (!weft__pt_live())
		return usleep(us);
	if (advance((long long)us * 1000LL, PT_LOC())) {
		errno = EINTR;
		return -1;
	}
	return 0;
}

int __weft_nanosleep(const struct timespec *req, struct timespec *rem)
{
	long long left;

	if (!weft__pt_live())
		return nanosleep(req, rem);
	if (!req || weft__pt_nsec_bad(req)) {
		errno = EINVAL;
		return -1;
	}
	left = advance(weft__pt_ts_ns(req), PT_LOC());
	if (left) {
		left_ts(left, rem);
		errno = EINTR;
		return -1;
	}
	if (rem)
		rem->tv_sec = rem->tv_nsec = 0;
	return 0;
}

/* A sleep until a deadline too far off to come (weft__pt_deadline_far):
 * a wait that only a cancel request ends (a cancellation point), so that
 * with nothing else left to run it is reported as the hang it is. */
static bool sleep_ends(const struct weft__op *op)
{
	return op->obj2 && weft__cancel_wakes((int)op->arg2);
}

static int sleep_desc(const struct weft__op *op, char *buf, size_t n)
{
	(void)op;
	snprintf(buf, n, "the clock to reach its deadline");
	return -1;
}

static long long sleep_for_ever(clockid_t c, const struct weft_loc *loc)
{
	struct weft__op op = { .name = "clock_nanosleep",
			       .objname = c == CLOCK_MONOTONIC
						  ? "CLOCK_MONOTONIC"
						  : "CLOCK_REALTIME",
			       .access = WEFT__ACC_NONE, .ready = sleep_ends,
			       .waitdesc = sleep_desc, .loc = loc };

	weft__pt_cancel_check(loc);
	weft__pt_cancel_enter();
	weft__pt_sig_wait_enter(WEFT__PT_INTR_WAIT);
	op.obj2 = weft__cancel_obj();
	op.interruptible = op.obj2 != NULL;
	op.arg2 = weft__self();
	weft__visible(&op);
	/* Only a cancel request ends it, and it acts now, or a signal's
	 * handler: EINTR, with all the time still left. */
	weft__pt_cancel_leave(true);
	if (weft__pt_sig_wait_leave())
		return FAR_NS;
	weft__die("a sleep without end ended");
}

int __weft_clock_nanosleep(clockid_t c, int flags, const struct timespec *req,
			   struct timespec *rem)
{
	long long want;

	if (!weft__pt_live())
		return clock_nanosleep(c, flags, req, rem);
	if (!req || weft__pt_nsec_bad(req))
		return EINVAL;
	want = weft__pt_ts_ns(req);
	if (flags & TIMER_ABSTIME) {
		if (weft__pt_deadline_far(c, req))
			return sleep_for_ever(c, PT_LOC()) ? EINTR : 0;
		return advance_to(0, c, req, PT_LOC()) ? EINTR : 0;
	}
	if ((want = advance(want, PT_LOC()))) {
		left_ts(want, rem);
		return EINTR;
	}
	if (rem)
		rem->tv_sec = rem->tv_nsec = 0;
	return 0;
}

/* Virtual nanoseconds from now until the absolute time abs on clock c
 * (0 or less when it has passed), for the timed waits. */
long long weft__pt_ns_until(clockid_t c, const struct timespec *abs)
{
	long long base = c == CLOCK_REALTIME ? WEFT__PT_EPOCH_SEC * 1000000000LL : 0;
	long long left;

	/* Saturated, as weft__pt_ts_ns is: a deadline near LLONG_MIN. */
	if (__builtin_sub_overflow(weft__pt_ts_ns(abs), base, &left) ||
	    __builtin_sub_overflow(left, now_ns, &left))
		return weft__pt_ts_ns(abs) < 0 ? LLONG_MIN : LLONG_MAX;
	return left;
}

/* Each execution's clocks start 1 ms before a whole second: a deadline
 * built as now plus a delay of more than that, without carrying its
 * nanoseconds into seconds, is invalid (EINVAL) as it is natively most of
 * the time; started at a whole second, it never was, and a caller that
 * took EINVAL for success was verified (a probe). */
#define START_NS 999000000LL

long long weft__pt_now(void)
{
	return now_ns;
}

void weft__pthread_time_begin(void)
{
	now_ns = START_NS;
}
