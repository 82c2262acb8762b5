/* src/pthread/signals.c - the program's signal handlers: sigaction and
 * signal.
 *
 * A handler's installation was no step, so the explorer never ordered
 * it against a raise in another thread: a program that installs its
 * handler after creating the thread that raises the signal was
 * verified, though in the order where the raise comes first the
 * default action kills the process (a probe of signal handlers).  A
 * change of a disposition is now a write of the process's signal state
 * (sigmask.c), which a raise, a kill and the delivery of a pending
 * signal read, so both orders are run; a program that never installs a
 * handler or sends a signal takes no step for it.
 *
 * The kernel keeps the dispositions, which no restore of the program's
 * memory puts back: a handler installed in one execution was there from
 * the start of the next, and the raise that comes first there ran it
 * instead of the default action.  Every execution therefore starts with
 * the dispositions as they were when the one that first changed each
 * began. */
#include <signal.h>

#include "pthread/pt.h"
#include "modelled.h"

/* The signals this execution changed, and their dispositions before. */
static sigset_t changed;
static bool any_changed;
static struct sigaction before[NSIG];

/* The step of a change of sig's disposition by call, at loc, before it
 * is made; whether it is a change the model follows (a valid signal that
 * can be caught). */
static bool changing(int sig, const char *call, const struct weft_loc *loc)
{
	if (sig <= 0 || sig >= NSIG || sig == SIGKILL || sig == SIGSTOP)
		return false;
	weft__pt_sig_step(call, true, loc);
	if (!sigismember(&changed, sig) && !sigaction(sig, NULL, &before[sig])) {
		sigaddset(&changed, sig);
		any_changed = true;
	}
	return true;
}

/* Signals that come from outside the process, as a rule: the terminal's
 * (Ctrl-C, the quit key, a hang-up, a resize), a service manager's or an
 * operator's kill.  Not SIGALRM, SIGCHLD or SIGPIPE, which the program's
 * own calls bring, nor the faults. */
static bool from_outside(int sig)
{
	switch (sig) {
	case SIGINT: case SIGTERM: case SIGHUP: case SIGQUIT:
	case SIGUSR1: case SIGUSR2: case SIGWINCH:
		return true;
	default:
		return false;
	}
}

/* A signal pending while its disposition becomes "ignore" is thrown
 * away (POSIX).  A handler for a signal from outside tells the
 * scheduler, which sends the signal where a livelock would be reported:
 * the program may be waiting for it. */
static void changed_to(int sig)
{
	struct sigaction now;

	if (weft__pt_sig_ignored(sig))
		weft__pt_sig_discard(sig);
	if (from_outside(sig) && !sigaction(sig, NULL, &now))
		weft__signal_handled(sig,
				     (now.sa_flags & SA_SIGINFO) ||
					     (now.sa_handler != SIG_DFL &&
					      now.sa_handler != SIG_IGN),
				     weft__pt_sig_outside);
}

int __weft_sigaction(int sig, const struct sigaction *act,
		     struct sigaction *old)
{
	int r;

	if (!weft__pt_live())
		return sigaction(sig, act, old);
	if (!act) {
		/* Only asked: a read of the dispositions. */
		if (sig > 0 && sig < NSIG)
			weft__pt_sig_step("sigaction", false, PT_LOC());
		return sigaction(sig, act, old);
	}
	if (!changing(sig, "sigaction", PT_LOC()))
		return sigaction(sig, act, old);
	r = sigaction(sig, act, old);
	if (!r)
		changed_to(sig);
	return r;
}

/* signal is the C library's (BSD semantics under _DEFAULT_SOURCE, the
 * handler kept and the call restarted), and __sysv_signal what a program
 * built for strict ISO C calls under that name (the handler reset when
 * it runs). */
static __sighandler_t set_with(__sighandler_t (*fn)(int, __sighandler_t),
			       int sig, __sighandler_t h, const char *call,
			       const struct weft_loc *loc)
{
	__sighandler_t r;

	if (!changing(sig, call, loc))
		return fn(sig, h);
	r = fn(sig, h);
	if (r != SIG_ERR)
		changed_to(sig);
	return r;
}

__sighandler_t __weft_signal(int sig, __sighandler_t h)
{
	if (!weft__pt_live())
		return signal(sig, h);
	return set_with(signal, sig, h, "signal", PT_LOC());
}

__sighandler_t __weft___sysv_signal(int sig, __sighandler_t h)
{
	if (!weft__pt_live())
		return __sysv_signal(sig, h);
	return set_with(__sysv_signal, sig, h, "signal", PT_LOC());
}

void weft__pthread_signals_begin(void)
{
	if (!any_changed)
		return;
	for (int sig = 1; sig < NSIG; sig++)
		if (sigismember(&changed, sig) == 1)
			sigaction(sig, &before[sig], NULL);
	sigemptyset(&changed);
	any_changed = false;
}
