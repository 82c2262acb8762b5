/* src/pthread/signal_later.c - calls after which the kernel acts on its
 * own later: a signal when a timer expires (alarm, ualarm, setitimer,
 * timer_create), a thread the C library starts for a timer
 * (timer_create with SIGEV_THREAD), and a lock one open file holds
 * against another (flock).
 *
 * weft delivers no signal and runs no thread it did not start, so each
 * of these, passed through, left a program that dies of SIGALRM natively
 * verified, and a correct one whose handler or timer thread ends a wait
 * a livelock or a deadlock (a probe of ordinary pthread programs).  An
 * flock between threads took the real lock: the second thread blocked
 * in the kernel until the time limit, or, with a lock already let go,
 * was no synchronisation for the race detector.  Inside an execution
 * each is therefore refused, inconclusive (unsupported: CALL), at the
 * program's call; what cannot act later (a zero timer, a timer that
 * notifies nobody, an unlock, a lock while the calling thread is the
 * only one) is the C library's. */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "pthread/pt.h"
#include "modelled.h"

static __attribute__((noinline, noreturn)) void
refuse(const char *call, const char *why, uintptr_t ra)
{
	weft__limit(weft__internf("unsupported: %s", call), weft__pc_loc(ra),
		    "%s, which weft does not model", why);
}

#define LATER_SIGNAL "the kernel would send the process a signal later"

unsigned __weft_alarm(unsigned s)
{
	uintptr_t ra = PT_RA();

	if (!weft__pt_live())
		return alarm(s);
	/* alarm(0) cancels: nothing of weft's was ever armed. */
	if (!s)
		return 0;
	refuse("alarm", LATER_SIGNAL " (SIGALRM)", ra);
}

useconds_t __weft_ualarm(useconds_t us, useconds_t interval)
{
	uintptr_t ra = PT_RA();

	if (!weft__pt_live())
		return ualarm(us, interval);
	if (!us)
		return 0;
	refuse("ualarm", LATER_SIGNAL " (SIGALRM)", ra);
}

int __weft_setitimer(__itimer_which_t which, const struct itimerval *nv,
		     struct itimerval *old)
{
	uintptr_t ra = PT_RA();

	if (!weft__pt_live())
		return setitimer(which, nv, old);
	if (!nv || (!nv->it_value.tv_sec && !nv->it_value.tv_usec)) {
		/* Disarming (or asking): no timer of weft's is armed. */
		if (old)
			memset(old, 0, sizeof *old);
		return 0;
	}
	refuse("setitimer", LATER_SIGNAL, ra);
}

int __weft_timer_create(clockid_t c, struct sigevent *ev, timer_t *id)
{
	uintptr_t ra = PT_RA();

	if (!weft__pt_live() || (ev && ev->sigev_notify == SIGEV_NONE))
		return timer_create(c, ev, id);
	if (ev && ev->sigev_notify == SIGEV_THREAD)
		refuse("timer_create", "the C library would run the timer's "
		       "function in a thread of its own when it expires", ra);
	refuse("timer_create", LATER_SIGNAL " when the timer expires", ra);
}

int __weft_flock(int fd, int op)
{
	uintptr_t ra = PT_RA();

	if (!weft__pt_live() || !(op & (LOCK_SH | LOCK_EX)) ||
	    weft__nthreads() == 1)
		return flock(fd, op);
	refuse("flock", "a lock held by one open file against another, "
	       "between threads", ra);
}
