/* src/pthread/sigmask.c - each thread's signal mask, the signals pending
 * for it and for the process, and their delivery.
 *
 * weft runs every test thread on one system thread, so the kernel's mask
 * was one mask for them all: a worker's SIG_UNBLOCK unblocked the signal
 * in main too, and a mask main set after creating a worker applied to
 * the worker (a probe: a correct program reported as a crash, and a
 * program whose worker is killed by its own raise verified).  POSIX
 * gives each thread its own mask, copied from its creator's by
 * pthread_create, and pthread_sigmask and sigprocmask change the
 * caller's only.  So each test thread has its mask here; raise goes to
 * the calling thread (pending for it while it blocks the signal), and
 * kill of the process itself to any thread that does not block it,
 * an explored choice (pending for the process while every thread
 * does).  A signal is
 * delivered by the C library's raise on the one system thread, with the
 * kernel's mask set to the receiving thread's first, so the handler or
 * the default action is the kernel's own.
 *
 * The kernel's mask is the mask of the thread that last set its mask or
 * received a signal, as it was before for every thread: signals the
 * kernel itself sends (SIGPIPE) see that.  It leaves the signal of the
 * watchdog's probe of a thread stuck in a loop (src/detect/race_stuck.c)
 * unblocked: a daemon's usual sigfillset and pthread_sigmask(SIG_BLOCK)
 * blocked it, and a loop weft would have parked at once hung the test
 * until the time limit.  Every execution starts with the masks as they
 * were at its start, and with nothing pending. */
#include <errno.h>
#include <signal.h>
#include <string.h>

#include "pthread/pt.h"
#include "detect/race.h"
#include "modelled.h"

static sigset_t masks[WEFT__MAX_THREADS];
static sigset_t pending[WEFT__MAX_THREADS];
static sigset_t proc_pending;
/* The signals sent to the process that each thread was chosen to take,
 * delivered at the end of its next step (deliver_due); any_due says
 * whether a thread has one. */
static sigset_t due[WEFT__MAX_THREADS];
static bool any_due;
/* The mask every execution starts with, the kernel's at the first. */
static sigset_t initial;
/* Whether this execution used the model (set first, so that the first
 * execution's begin fills the tables). */
static bool used = true;
static bool have_initial;
/* How many signals were delivered in this process (sigsuspend asks
 * whether its mask let one in). */
static unsigned long delivered;
/* The object every signal step touches: the process's signal state. */
static char sig_obj;

/* The kernel's mask set to m, less the probe's signal. */
static void set_real(const sigset_t *m)
{
	sigset_t copy = *m;
	int probe = weft__stuck_signal();

	if (probe)
		sigdelset(&copy, probe);
	pthread_sigmask(SIG_SETMASK, &copy, NULL);
}

static bool valid_sig(int sig)
{
	return sig > 0 && sig < NSIG;
}

/* Whether sig, sent now, is thrown away: ignored, by SIG_IGN or by a
 * default action that ignores it.  A signal ignored when it is generated
 * is discarded even while blocked (POSIX). */
bool weft__pt_sig_ignored(int sig)
{
	struct sigaction sa;

	if (sigaction(sig, NULL, &sa))
		return false;
	if (sa.sa_handler == SIG_IGN)
		return true;
	return sa.sa_handler == SIG_DFL &&
	       (sig == SIGCHLD || sig == SIGURG || sig == SIGWINCH);
}

/* Whether sig runs a handler of the program's. */
static bool has_handler(int sig)
{
	struct sigaction sa;

	if (sigaction(sig, NULL, &sa))
		return false;
	return (sa.sa_flags & SA_SIGINFO) ||
	       (sa.sa_handler != SIG_DFL && sa.sa_handler != SIG_IGN);
}

const void *weft__pt_sig_obj(void)
{
	return &sig_obj;
}

void weft__pt_sig_discard(int sig)
{
	for (int t = 0; t < weft__nthreads(); t++)
		sigdelset(&pending[t], sig);
	sigdelset(&proc_pending, sig);
}

void weft__pt_sig_step(const char *call, bool write,
		       const struct weft_loc *loc)
{
	used = true;
	if (weft__pt_point_needed(&sig_obj))
		weft__point(call, &sig_obj, "signals",
			    write ? WEFT__ACC_WRITE : WEFT__ACC_READ, loc);
}

/* Delivers sig to the calling thread, whose mask is base while it runs
 * (it does not block sig): the handler then runs with sig and its
 * sa_mask blocked, as the kernel blocks them, and the mask is base again
 * when it returns.  (A handler that leaves by siglongjmp skips that: the
 * C library puts the kernel's mask back, but the thread's stays the
 * handler's here.) */
static void deliver(int sig, const sigset_t *base)
{
	int self = weft__self();
	struct sigaction sa;

	masks[self] = *base;
	set_real(base);
	if (!sigaction(sig, NULL, &sa) && sa.sa_handler != SIG_DFL &&
	    sa.sa_handler != SIG_IGN) {
		sigorset(&masks[self], &masks[self], &sa.sa_mask);
		if (!(sa.sa_flags & SA_NODEFER))
			sigaddset(&masks[self], sig);
	}
	raise(sig);
	delivered++;
	masks[self] = *base;
}

/* Delivers what is pending for the calling thread, or for the process,
 * and no longer blocked, lowest signal first, as Linux does; a handler
 * may make more pending. */
static void flush(void)
{
	int self = weft__self();

	for (int sig = 1; sig < NSIG; sig++) {
		if (sigismember(&masks[self], sig) ||
		    (!sigismember(&pending[self], sig) &&
		     !sigismember(&proc_pending, sig)))
			continue;
		sigdelset(&pending[self], sig);
		sigdelset(&proc_pending, sig);
		sigset_t base = masks[self];
		deliver(sig, &base);
		/* From the start again: the handler may have made a lower
		 * signal pending. */
		sig = 0;
	}
}

/* The mask the caller would have after how and set, as EINVAL or 0.
 * SIGKILL and SIGSTOP cannot be blocked; the kernel leaves them out. */
static int next_mask(int how, const sigset_t *set, const sigset_t *cur,
		     sigset_t *out)
{
	*out = *cur;
	if (!set)
		return 0;
	switch (how) {
	case SIG_BLOCK:
		sigorset(out, cur, set);
		break;
	case SIG_UNBLOCK:
		for (int sig = 1; sig < NSIG; sig++)
			if (sigismember(set, sig) == 1)
				sigdelset(out, sig);
		break;
	case SIG_SETMASK:
		*out = *set;
		break;
	default:
		return EINVAL;
	}
	sigdelset(out, SIGKILL);
	sigdelset(out, SIGSTOP);
	return 0;
}

/* For the explorer, a mask change only reads the process's signal state
 * (the masks of different threads are independent), unless it takes a
 * signal pending for the process, which another thread could take
 * first. */
static uint8_t mask_access(const struct weft__op *op)
{
	const sigset_t *next = op->arg;

	for (int sig = 1; sig < NSIG; sig++)
		if (sigismember(&proc_pending, sig) == 1 &&
		    !sigismember(next, sig))
			return WEFT__ACC_WRITE;
	return WEFT__ACC_READ;
}

/* A mask change orders against a kill of the process, which reads every
 * thread's mask, and against a handler's installation when it delivers a
 * pending signal: a step only in a program that calls kill, or when a
 * signal is pending for the caller.  A program that never sends itself a
 * signal takes no step for it. */
bool weft__pt_kills(void)
{
	static const char *const names[] = { "__weft_kill", NULL };
	static int known;

	return weft__pt_imports_once(&known, names);
}

static bool mask_step_needed(void)
{
	return weft__pt_kills() || !sigisemptyset(&pending[weft__self()]);
}

static int set_mask(int how, const sigset_t *set, sigset_t *old,
		    const struct weft_loc *loc)
{
	int self = weft__self();
	sigset_t next;
	int e = next_mask(how, set, &masks[self], &next);

	if (e)
		return e;
	if (old)
		*old = masks[self];
	if (!set)
		return 0;
	used = true;
	if (mask_step_needed() && weft__pt_point_needed(&sig_obj)) {
		struct weft__op op = { .name = "sigmask", .obj = &sig_obj,
				       .objname = "signals",
				       .access = WEFT__ACC_WRITE,
				       .access_now = mask_access,
				       .arg = &next, .loc = loc };
		weft__visible(&op);
	}
	masks[self] = next;
	set_real(&next);
	flush();
	return 0;
}

int __weft_pthread_sigmask(int how, const sigset_t *set, sigset_t *old)
{
	if (!weft__pt_live()) {
		sigset_t copy;
		int probe = weft__stuck_signal();
		if (set && how != SIG_UNBLOCK && probe &&
		    sigismember(set, probe)) {
			copy = *set;
			sigdelset(&copy, probe);
			set = &copy;
		}
		return pthread_sigmask(how, set, old);
	}
	return set_mask(how, set, old, PT_LOC());
}

int __weft_sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
	int e;

	if (!weft__pt_live())
		e = __weft_pthread_sigmask(how, set, old);
	else
		e = set_mask(how, set, old, PT_LOC());
	if (e) {
		errno = e;
		return -1;
	}
	return 0;
}

/* What is pending for the caller: its own and the process's. */
int __weft_sigpending(sigset_t *set)
{
	if (!weft__pt_live())
		return sigpending(set);
	weft__pt_sig_step("sigpending", false, PT_LOC());
	sigorset(set, &pending[weft__self()], &proc_pending);
	return 0;
}

/* Whether sig's action stops the process: SIGSTOP always, the terminal
 * stop signals when their action is the default. */
static bool stops(int sig)
{
	struct sigaction sa;

	if (sig == SIGSTOP)
		return true;
	if (sig != SIGTSTP && sig != SIGTTIN && sig != SIGTTOU)
		return false;
	return !sigaction(sig, NULL, &sa) && !(sa.sa_flags & SA_SIGINFO) &&
	       sa.sa_handler == SIG_DFL;
}

/* SIGKILL and the stop signals the program sends itself: they act on the
 * whole process, whatever the masks, and weft cannot let them act on its
 * worker.  SIGKILL ends the process at the call, a crash of the program
 * (the worker killed by it was reported as killed from outside weft, with
 * no place).  A stop would wait for a SIGCONT from another process, which
 * the search cannot send: said at once (it hung until the time limit). */
void weft__pt_sig_uncatchable(int sig, const char *call,
			      const struct weft_loc *loc)
{
	const char *ab = sigabbrev_np(sig);

	if (sig == SIGKILL) {
		weft__fail_call(weft__internf("%s(SIGKILL)", call));
		weft__fail(WEFT__K(CRASH), loc,
			   "thread %s sent the process SIGKILL (%s), which "
			   "ends it at once: no handler, no exit handlers",
			   weft__thread_name(weft__self()), call);
	}
	if (stops(sig))
		weft__limit(weft__internf("unsupported: SIG%s", ab ? ab : "?"),
			    loc,
			    "%s of SIG%s stops the whole process until another "
			    "process sends it SIGCONT, which weft does not "
			    "model", call, ab ? ab : "?");
}

/* raise: to the calling thread, pending while it blocks the signal. */
int weft__pt_sig_raise(int sig, const struct weft_loc *loc)
{
	int self = weft__self();

	if (!valid_sig(sig))
		return raise(sig);
	/* A read of the dispositions (signals.c): a handler installed in
	 * another thread is ordered against it. */
	weft__pt_sig_step("raise", false, loc);
	weft__pt_sig_uncatchable(sig, "raise", loc);
	weft__signal_sent(sig);
	if (sigismember(&masks[self], sig)) {
		if (!weft__pt_sig_ignored(sig))
			sigaddset(&pending[self], sig);
		return 0;
	}
	sigset_t base = masks[self];
	deliver(sig, &base);
	flush();
	return 0;
}

int __weft_raise(int sig)
{
	if (!weft__pt_live())
		return raise(sig);
	return weft__pt_sig_raise(sig, PT_LOC());
}

/* kill of the process itself: to a thread that does not block the
 * signal, chosen (to_process); else pending for the process.  A write of
 * the signal state: which of these happens depends on every thread's
 * mask. */
static void to_process(int sig);

int weft__pt_sig_kill_self(int sig, const struct weft_loc *loc)
{
	if (!valid_sig(sig)) {
		errno = EINVAL;
		return -1;
	}
	weft__pt_sig_step("kill", true, loc);
	weft__pt_sig_uncatchable(sig, "kill", loc);
	weft__signal_sent(sig);
	to_process(sig);
	return 0;
}

/* A signal from outside the process (a Ctrl-C), which the scheduler
 * sends once every thread spins (weft__signal_handled): to the process,
 * as a kill, on the thread whose step has just ended. */
void weft__pt_sig_outside(int sig)
{
	const char *ab = sigabbrev_np(sig);

	weft__pt_sig_step(weft__internf("SIG%s from outside", ab ? ab : "?"),
			  true, NULL);
	to_process(sig);
}

/* sig, sent to the process, run on the caller as the stand-in of a
 * thread that takes it: a handler that asks which thread it runs on, or
 * reads thread-local data, sees the caller's, said in a note.  The
 * default action and "ignore" are the same on any thread. */
static void stand_in(int sig)
{
	int self = weft__self();
	sigset_t own = masks[self], base = own;

	if (sigismember(&base, sig) && has_handler(sig))
		weft__verdict_note(0x5349474f54484552ull,
				   "a signal sent to the process that only "
				   "another thread could take (one blocked in "
				   "a wait, or one that ended before it took "
				   "it) ran its handler on another thread, in "
				   "that thread's place "
				   "(pthread_self, thread-local data and the "
				   "taker's interrupted call are the other "
				   "thread's)");
	sigdelset(&base, sig);
	deliver(sig, &base);
	masks[self] = own;
	set_real(&own);
	flush();
}

/* The signals due to the thread whose step just ended (weft__signal_due,
 * at the end of every step while one is due), lowest first: each a read
 * of the dispositions, delivered with the thread's own mask less the
 * signal, as the kernel chose it for not blocking it.  Cleared before
 * the handler runs, whose steps come back here.  Due to a thread that
 * ended first, a signal runs on this one as its stand-in. */
static void deliver_due(void)
{
	int self = weft__self();
	bool left = false;

	for (int t = 0; t < weft__nthreads(); t++) {
		if (t != self && !weft__thread_done(t)) {
			left |= !sigisemptyset(&due[t]);
			continue;
		}
		for (int sig = 1; sig < NSIG; sig++) {
			if (sigismember(&due[t], sig) != 1)
				continue;
			sigdelset(&due[t], sig);
			any_due = left || !sigisemptyset(&due[t]);
			for (int u = t + 1; u < weft__nthreads(); u++)
				any_due |= !sigisemptyset(&due[u]);
			weft__signal_due(any_due, deliver_due);
			weft__pt_sig_step("signal delivered", false, NULL);
			if (t == self) {
				sigset_t own = masks[self], base = own;
				sigdelset(&base, sig);
				deliver(sig, &base);
				masks[self] = own;
				set_real(&own);
				flush();
			} else {
				stand_in(sig);
			}
			return;
		}
	}
	any_due = left;
	weft__signal_due(left, deliver_due);
}

/* sig sent to the process by the calling thread or from outside.  Any
 * thread that does not block it may take it (POSIX), and which one
 * matters when the program has a handler for it: a handler that takes a
 * lock the taker holds deadlocks, a wait it interrupts ends.  The taker
 * is an explored choice among them, belonging to the sending step (main
 * first, the thread Linux tries first); a thread other than the caller
 * runs the handler at the end of its next step, in its own context.  (It
 * ran on the sender always: a probe's handler that relocks a mutex main
 * holds was verified.)  When every thread blocks it, it is pending for
 * the process, for the first thread that unblocks it or waits for it.
 * A thread blocked in a wait is left out (below). */
static void to_process(int sig)
{
	int self = weft__self();
	int takers[WEFT__MAX_THREADS], n = 0, t;
	bool waiting = false;

	for (t = 0; t < weft__nthreads(); t++) {
		if (sigismember(&masks[t], sig) ||
		    (t != self && weft__thread_done(t)))
			continue;
		if (t == self || weft__thread_enabled(t) ||
		    weft__pt_sig_intr_taker(t))
			takers[n++] = t;
		else
			waiting = true;
	}
	if (!n && !waiting) {
		if (!weft__pt_sig_ignored(sig))
			sigaddset(&proc_pending, sig);
		return;
	}
	if (!has_handler(sig)) {
		stand_in(sig);
		return;
	}
	/* A thread blocked in a wait a signal ends (sem_wait, pause:
	 * sigintr.c) is a taker, woken with EINTR once its handler ran.
	 * One blocked in another wait is none: the handler would run on it
	 * and the wait go on (a condition wait, a mutex, a read), which
	 * weft does not model, and a handler held until the wait ends might
	 * never run. */
	if (waiting)
		weft__verdict_note(0x53494745494e5452ull,
				   "a signal sent to the process was not "
				   "given to a thread blocked in a wait that "
				   "a handler does not end (a condition, a "
				   "mutex, read, poll), which could take it "
				   "natively: weft runs no handler during "
				   "such a wait");
	if (!n) {
		stand_in(sig);
		return;
	}
	t = takers[n > 1 ? weft__choose_here(n) : 0];
	weft__pt_sig_intr_chosen(t);
	if (t == self) {
		stand_in(sig);
		return;
	}
	sigaddset(&due[t], sig);
	any_due = true;
	weft__signal_due(true, deliver_due);
}

/* sigwait, sigwaitinfo and sigtimedwait (sigwait.c): the lowest signal of
 * set pending for the caller, else for the process, as Linux takes them,
 * taken away and returned; 0 when none is.  A write of the signal state,
 * so that a kill in another thread is ordered against it (sent before,
 * it is taken; after, the wait finds none).  They never took one: a
 * signal pending was never collected (a probe's false bug of a worker's
 * kill, and a reload on SIGHUP that never ran, verified). */
int weft__pt_sig_take(const sigset_t *set, const char *call,
		      const struct weft_loc *loc)
{
	sigset_t *from[2] = { &pending[weft__self()], &proc_pending };

	weft__pt_sig_step(call, true, loc);
	for (int i = 0; i < 2; i++)
		for (int sig = 1; sig < NSIG; sig++)
			if (sigismember(set, sig) == 1 &&
			    sigismember(from[i], sig) == 1) {
				sigdelset(from[i], sig);
				return sig;
			}
	return 0;
}

/* sigsuspend's mask, set (less SIGKILL and SIGSTOP), for the caller,
 * its mask before in *old; whatever that lets in that is pending is
 * delivered now, and the answer says whether anything was.  The step is
 * sigsuspend's, which a kill in another thread is ordered against. */
bool weft__pt_sig_suspend_mask(const sigset_t *set, sigset_t *old,
			       const struct weft_loc *loc)
{
	int self = weft__self();
	unsigned long before = delivered;

	weft__pt_sig_step("sigsuspend", true, loc);
	*old = masks[self];
	(void)next_mask(SIG_SETMASK, set, old, &masks[self]);
	set_real(&masks[self]);
	flush();
	return delivered != before;
}

/* The mask sigsuspend returns with: the one before it, set at once as
 * the kernel sets it (no step). */
void weft__pt_sig_restore_mask(const sigset_t *old)
{
	masks[weft__self()] = *old;
	set_real(old);
}

/* A new thread's mask is its creator's, with nothing pending.  Until the
 * execution used the model, every mask is the one it started with. */
void weft__pt_sig_thread_start(int tid)
{
	/* Whatever this thread id was in before (a sleep an execution
	 * ended in), it is in no wait. */
	weft__pt_sig_intr_thread_start(tid);
	if (!used)
		return;
	masks[tid] = masks[weft__self()];
	sigemptyset(&pending[tid]);
	sigemptyset(&due[tid]);
}

void weft__pthread_sigmask_begin(void)
{
	if (!have_initial) {
		pthread_sigmask(SIG_BLOCK, NULL, &initial);
		have_initial = true;
	}
	weft__pt_sig_intr_thread_start(0);
	if (!used)
		return;
	used = false;
	set_real(&initial);
	for (int t = 0; t < WEFT__MAX_THREADS; t++) {
		masks[t] = initial;
		sigemptyset(&pending[t]);
		sigemptyset(&due[t]);
	}
	sigemptyset(&proc_pending);
	any_due = false;
}
