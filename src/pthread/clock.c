/* src/pthread/clock.c - reading the virtual clock (time.c keeps it).
 *
 * A read is a step on the clock, ordered with a sleep's end and a
 * timeout's, which move it (time.c says why), and moves it by a
 * microsecond (a millisecond in a thread spinning alone) so loops waiting
 * for a deadline end.  Processor time (clock, times, getrusage, the
 * CPU-time clocks) is virtual time as well, so a program that measures
 * itself prints the same in every run.  Two threads' reads are not
 * ordered against each other. */
#include <errno.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>

#include "pthread/pt.h"
#include "modelled.h"

/* Never blocks; not a scheduling point. */
/* What these calls store in the program's memory, as a write. */
static void written(void *p, size_t n, uintptr_t ra)
{
	if (p)
		weft__race_access(p, n, WEFT__RACE_WRITE, ra);
}

/* A read of clock c into ts by the program's code at loc (return address
 * ra): a step on the clock (see the top). */
static void clock_read(clockid_t c, struct timespec *ts,
		       const struct weft_loc *loc, uintptr_t ra)
{
	long long t, lone;

	weft__pt_clock_step("clock_gettime", WEFT__ACC_READ, loc);
	/* A thread spinning alone (no other can run: sched.c), or threads
	 * that all spin, may be waiting for a deadline; time passes faster
	 * there, as it would for a thread the system left alone, so that a
	 * poll until some seconds have passed ends (it was a livelock).  (A
	 * step growing with the reads reached further, but moved the clock
	 * by tens of milliseconds at a later short wait.) */
	lone = weft__lone_clock_read();
	weft__pt_time_pass(lone ? lone : 1000);
	t = weft__pt_now();
	if ((c == CLOCK_REALTIME || c == CLOCK_REALTIME_COARSE) &&
	    __builtin_add_overflow(t, WEFT__PT_EPOCH_SEC * 1000000000LL, &t))
		t = LLONG_MAX;
	/* The program's struct is written (weft's code is not instrumented:
	 * a thread reading the time into a buffer another read was
	 * verified); weft's own buffers (ra 0) are not the program's. */
	if (ra)
		written(ts, sizeof *ts, ra);
	ts->tv_sec = (time_t)(t / 1000000000LL);
	ts->tv_nsec = (long)(t % 1000000000LL);
}

int __weft_clock_gettime(clockid_t c, struct timespec *ts)
{
	if (!weft__pt_live())
		return clock_gettime(c, ts);
	clock_read(c, ts, PT_LOC(), PT_RA());
	return 0;
}

int __weft_gettimeofday(struct timeval *tv, void *tz)
{
	struct timespec ts;

	if (!weft__pt_live())
		return gettimeofday(tv, tz);
	clock_read(CLOCK_REALTIME, &ts, PT_LOC(), 0);
	written(tv, sizeof *tv, PT_RA());
	tv->tv_sec = ts.tv_sec;
	tv->tv_usec = ts.tv_nsec / 1000;
	return 0;
}

time_t __weft_time(time_t *out)
{
	struct timespec ts;

	if (!weft__pt_live())
		return time(out);
	clock_read(CLOCK_REALTIME, &ts, PT_LOC(), 0);
	written(out, sizeof *out, PT_RA());
	if (out)
		*out = ts.tv_sec;
	return ts.tv_sec;
}

/* C11's wall clock: the virtual one. */
int __weft_timespec_get(struct timespec *ts, int base)
{
	if (!weft__pt_live())
		return timespec_get(ts, base);
	if (base != TIME_UTC)
		return 0;
	clock_read(CLOCK_REALTIME, ts, PT_LOC(), PT_RA());
	return base;
}

/* Processor time is the virtual monotonic time: every test thread is
 * counted as always running (it is, between its scheduling points). */
static long long cpu_ns(const struct weft_loc *loc)
{
	struct timespec ts;

	clock_read(CLOCK_PROCESS_CPUTIME_ID, &ts, loc, 0);
	return weft__pt_ts_ns(&ts);
}

clock_t __weft_clock(void)
{
	if (!weft__pt_live())
		return clock();
	return (clock_t)(cpu_ns(PT_LOC()) / (1000000000LL / CLOCKS_PER_SEC));
}

/* Ticks of virtual time, all of it user time of this process. */
clock_t __weft_times(struct tms *buf)
{
	long long tick;

	if (!weft__pt_live())
		return times(buf);
	tick = 1000000000LL / sysconf(_SC_CLK_TCK);
	if (buf) {
		memset(buf, 0, sizeof *buf);
		buf->tms_utime = (clock_t)(cpu_ns(PT_LOC()) / tick);
	}
	return (clock_t)(weft__pt_now() / tick);
}

/* Virtual user time; the other counters (page faults, maximum resident
 * size ...) describe weft's worker, not the program, and read 0. */
int __weft_getrusage(int who, struct rusage *ru)
{
	long long ns;

	if (!weft__pt_live())
		return getrusage(who, ru);
	if (who != RUSAGE_SELF && who != RUSAGE_THREAD &&
	    who != RUSAGE_CHILDREN) {
		errno = EINVAL;
		return -1;
	}
	memset(ru, 0, sizeof *ru);
	if (who == RUSAGE_CHILDREN)
		return 0;
	ns = cpu_ns(PT_LOC());
	ru->ru_utime.tv_sec = (time_t)(ns / 1000000000LL);
	ru->ru_utime.tv_usec = (suseconds_t)(ns % 1000000000LL / 1000);
	return 0;
}

