/* src/pthread/time.c - sleeping and clocks on virtual time.
 *
 * Inside an execution time is virtual: it starts at the same instant every
 * execution (so runs are reproducible), a sleep advances it by the time
 * asked for and is a scheduling point where other threads may run (a
 * sleep orders nothing: "sleep(1) so the other thread goes first" is one
 * interleaving among those explored), and every clock read advances it by
 * a microsecond so loops waiting for a deadline end. */
#include <errno.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "pthread/pt.h"

#define EPOCH_SEC 1700000000LL     /* where virtual wall-clock time starts */

static long long now_ns;           /* virtual time of this execution */

static void advance(long long ns, const struct weft_loc *loc)
{
	if (ns > 0)
		now_ns += ns;
	weft__point("sleep", NULL, NULL, WEFT__ACC_NONE, loc);
	/* Sleeping in a loop until something changes is polling. */
	weft__spun();
}

unsigned __weft_sleep(unsigned s)
{
	if (!weft__pt_live())
		return sleep(s);
	advance((long long)s * 1000000000LL, PT_LOC());
	return 0;
}

int __weft_usleep(useconds_t us)
{
	if (!weft__pt_live())
		return usleep(us);
	advance((long long)us * 1000LL, PT_LOC());
	return 0;
}

int __weft_nanosleep(const struct timespec *req, struct timespec *rem)
{
	if (!weft__pt_live())
		return nanosleep(req, rem);
	if (!req || req->tv_nsec < 0 || req->tv_nsec >= 1000000000L) {
		errno = EINVAL;
		return -1;
	}
	advance((long long)req->tv_sec * 1000000000LL + req->tv_nsec, PT_LOC());
	if (rem)
		rem->tv_sec = rem->tv_nsec = 0;
	return 0;
}

int __weft_clock_nanosleep(clockid_t c, int flags, const struct timespec *req,
			   struct timespec *rem)
{
	long long want;

	if (!weft__pt_live())
		return clock_nanosleep(c, flags, req, rem);
	if (!req || req->tv_nsec < 0 || req->tv_nsec >= 1000000000L)
		return EINVAL;
	want = (long long)req->tv_sec * 1000000000LL + req->tv_nsec;
	if (flags & TIMER_ABSTIME) {
		long long base = c == CLOCK_REALTIME ? EPOCH_SEC * 1000000000LL : 0;
		want -= base + now_ns;
	}
	advance(want, PT_LOC());
	if (rem && !(flags & TIMER_ABSTIME))
		rem->tv_sec = rem->tv_nsec = 0;
	return 0;
}

/* Never blocks; not a scheduling point. */
int __weft_clock_gettime(clockid_t c, struct timespec *ts)
{
	long long t;

	if (!weft__pt_live())
		return clock_gettime(c, ts);
	now_ns += 1000;
	t = now_ns;
	if (c == CLOCK_REALTIME || c == CLOCK_REALTIME_COARSE)
		t += EPOCH_SEC * 1000000000LL;
	ts->tv_sec = (time_t)(t / 1000000000LL);
	ts->tv_nsec = (long)(t % 1000000000LL);
	return 0;
}

int __weft_gettimeofday(struct timeval *tv, void *tz)
{
	struct timespec ts;

	if (!weft__pt_live())
		return gettimeofday(tv, tz);
	__weft_clock_gettime(CLOCK_REALTIME, &ts);
	tv->tv_sec = ts.tv_sec;
	tv->tv_usec = ts.tv_nsec / 1000;
	return 0;
}

time_t __weft_time(time_t *out)
{
	struct timespec ts;

	if (!weft__pt_live())
		return time(out);
	__weft_clock_gettime(CLOCK_REALTIME, &ts);
	if (out)
		*out = ts.tv_sec;
	return ts.tv_sec;
}

static void time_begin(void)
{
	now_ns = 0;
}

static struct weft__hooks hooks = { time_begin, NULL, NULL };

__attribute__((constructor)) static void time_init(void)
{
	weft__register_hooks(&hooks);
}
