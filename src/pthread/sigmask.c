/* src/pthread/sigmask.c - the program's signal masks.
 *
 * Every test thread runs on one OS thread, so a mask the program sets is
 * that thread's mask, as before; but the signal of the watchdog's probe
 * of a thread stuck in a loop (src/detect/race_stuck.c) is left out of
 * what it blocks.  A daemon's usual set-up, sigfillset and
 * pthread_sigmask(SIG_BLOCK), blocked it, and a loop weft would have
 * parked at once hung the test until the time limit (a probe of awkward
 * programs).  Nothing else changes: the old mask reported is the real one
 * (with the probe's signal never in it). */
#include <signal.h>

#include "pthread/pt.h"
#include "detect/race.h"
#include "modelled.h"

static const sigset_t *keep_probe(const sigset_t *set, sigset_t *copy)
{
	int sig = weft__stuck_signal();

	if (!set || !sig || !sigismember(set, sig))
		return set;
	*copy = *set;
	sigdelset(copy, sig);
	return copy;
}

int __weft_pthread_sigmask(int how, const sigset_t *set, sigset_t *old)
{
	sigset_t copy;

	if (how != SIG_UNBLOCK)
		set = keep_probe(set, &copy);
	return pthread_sigmask(how, set, old);
}

int __weft_sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
	sigset_t copy;

	if (how != SIG_UNBLOCK)
		set = keep_probe(set, &copy);
	return sigprocmask(how, set, old);
}
