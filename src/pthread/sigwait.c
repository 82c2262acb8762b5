/* src/pthread/sigwait.c - the waits for a signal: sigwait, sigwaitinfo,
 * sigtimedwait, sigsuspend and pause.
 *
 * A signal of the set that is pending for the caller or the process is
 * taken at once (sigmask.c's weft__pt_sig_take).  None is delivered
 * while a thread waits, except that sigtimedwait, which sleeps its
 * timeout on the virtual clock, takes one sent meanwhile as it wakes;
 * the others, with nothing pending, are unsupported. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pthread/pt.h"
#include "modelled.h"

/* Waits for a signal when none is pending: weft sends none that the
 * program does not, so the wait would last until the time limit and end
 * as a limit with a misleading time.  Said at once instead. */
static _Noreturn void no_signals(const char *call, const struct weft_loc *loc)
{
	weft__limit(weft__internf("unsupported: %s", call), loc,
		    "%s waits for a signal, and weft delivers none", call);
}

/* What sigwaitinfo and sigtimedwait fill in: the signal, sent by this
 * process (weft does not keep whether by kill or raise). */
static int took(int sig, siginfo_t *info)
{
	if (info) {
		memset(info, 0, sizeof *info);
		info->si_signo = sig;
		info->si_code = SI_USER;
		info->si_pid = getpid();
		info->si_uid = getuid();
	}
	return sig;
}

/* A signal of the set pending now is taken at once; with none, the wait
 * would be for one that no thread may ever send, which weft does not
 * explore (unsupported, as before). */
int __weft_sigwait(const sigset_t *set, int *sig)
{
	int s;

	if (!weft__pt_live())
		return sigwait(set, sig);
	s = weft__pt_sig_take(set, "sigwait", PT_LOC());
	if (!s)
		no_signals("sigwait", PT_LOC());
	*sig = s;
	return 0;
}

int __weft_sigwaitinfo(const sigset_t *set, siginfo_t *info)
{
	int s;

	if (!weft__pt_live())
		return sigwaitinfo(set, info);
	s = weft__pt_sig_take(set, "sigwaitinfo", PT_LOC());
	if (!s)
		no_signals("sigwaitinfo", PT_LOC());
	return took(s, info);
}

/* A signal of the set pending is taken at once.  With none, no signal
 * arriving is a timeout: the wait sleeps on the virtual clock and fails
 * with EAGAIN, as it would natively, unless one was sent while it slept
 * (taken as it wakes, the virtual clock having run the whole timeout). */
int __weft_sigtimedwait(const sigset_t *set, siginfo_t *info,
			const struct timespec *timeout)
{
	long long sec;
	int s;

	if (!weft__pt_live())
		return sigtimedwait(set, info, timeout);
	/* Linux checks the timeout before it looks for a signal. */
	if (timeout && (timeout->tv_sec < 0 || weft__pt_nsec_bad(timeout))) {
		errno = EINVAL;
		return -1;
	}
	/* A cancellation point as it begins, even with a zero timeout
	 * (glibc's SYSCALL_CANCEL); the sleep below checks again, as a
	 * request may come while it sleeps. */
	weft__pt_cancel_check(PT_LOC());
	if ((s = weft__pt_sig_take(set, "sigtimedwait", PT_LOC())))
		return took(s, info);
	if (!timeout)
		no_signals("sigtimedwait", PT_LOC());
	if (!timeout->tv_sec && !timeout->tv_nsec) {
		errno = EAGAIN;
		return -1;
	}
	/* Clamped to about 30 years: no overflow for a huge timeout. */
	sec = timeout->tv_sec > 1000000000 ? 1000000000LL : timeout->tv_sec;
	weft__pt_sleep_ns(sec * 1000000000LL + timeout->tv_nsec, PT_LOC());
	if ((s = weft__pt_sig_take(set, "sigtimedwait", PT_LOC())))
		return took(s, info);
	errno = EAGAIN;
	return -1;
}

/* pause and sigsuspend's wait: until a signal's handler ends it
 * (sigintr.c), or a cancel request (they are cancellation points). */
static bool woken(const struct weft__op *op)
{
	return weft__cancel_wakes((int)op->arg2);
}

static int wait_desc(const struct weft__op *op, char *buf, size_t n)
{
	(void)op;
	snprintf(buf, n, "a signal that no thread sends any more");
	return -1;
}

/* In a program that sends itself signals, a wait that a kill of the
 * process ends, once the handler ran: -1 with EINTR always.  With none
 * sent, the wait lasts, a deadlock (a pause that comes after the only
 * signal was handled waits for ever natively).  In a program that sends
 * none, unsupported, as before: the signal would come from outside. */
static int suspended(const char *call, const struct weft_loc *loc)
{
	struct weft__op op = { .name = call, .objname = "signals",
			       .access = WEFT__ACC_NONE, .ready = woken,
			       .waitdesc = wait_desc, .interruptible = true,
			       .arg2 = weft__self(), .loc = loc };

	weft__pt_cancel_enter();
	weft__pt_sig_wait_enter(WEFT__PT_INTR_WAIT);
	op.obj2 = weft__cancel_obj();
	weft__visible(&op);
	weft__pt_cancel_leave(true);
	(void)weft__pt_sig_wait_leave();
	errno = EINTR;
	return -1;
}

int __weft_sigsuspend(const sigset_t *set)
{
	sigset_t old;
	int r = -1;

	if (!weft__pt_live())
		return sigsuspend(set);
	if (!weft__pt_sig_intr_obj())
		no_signals("sigsuspend", PT_LOC());
	weft__pt_cancel_check(PT_LOC());
	if (!weft__pt_sig_suspend_mask(set, &old, PT_LOC()))
		r = suspended("sigsuspend", PT_LOC());
	weft__pt_sig_restore_mask(&old);
	errno = EINTR;
	return r;
}

int __weft_pause(void)
{
	if (!weft__pt_live())
		return pause();
	if (!weft__pt_sig_intr_obj())
		no_signals("pause", PT_LOC());
	weft__pt_cancel_check(PT_LOC());
	return suspended("pause", PT_LOC());
}
