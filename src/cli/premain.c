/* src/cli/premain.c - the program's own constructors, which run before
 * main and so before weft: one that crashed ended the process natively
 * (SIGSEGV, exit status 139, no word from weft), and one that called
 * exit(3) ended it with the status of an inconclusive verdict and no
 * output at all, which CI read as "inconclusive" (a probe of the command
 * line).  Now either is one line from weft and exit status 2: no test
 * ran, so there is no verdict (README, "Verdicts and exit status").
 *
 * wrap_main.c's constructor, the executable's first, arms the guard;
 * weft__entry disarms it.  A library's constructors run before the
 * executable's, so weft's own set-up is not under it, and a library built
 * with weft-cc and loaded into another program never arms it. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>
#include <unistd.h>

#include "options.h"
#include "report/report.h"

static volatile sig_atomic_t armed;

static const int sigs[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
#define NSIGS (int)(sizeof sigs / sizeof sigs[0])
static struct sigaction before[NSIGS];

static const char *sig_name(int sig)
{
	switch (sig) {
	case SIGSEGV: return "SIGSEGV";
	case SIGBUS: return "SIGBUS";
	case SIGFPE: return "SIGFPE";
	case SIGILL: return "SIGILL";
	default: return "SIGABRT";
	}
}

/* The process is lost anyway: the place is looked up with addr2line
 * (weft__code_location), which is no async-signal-safe call, and the
 * worst it can do is not to name it. */
static void on_crash(int sig, siginfo_t *si, void *uc_)
{
	char where[512] = "", at[600] = "";
	const void *pc = NULL;

	(void)si;
#if defined(__x86_64__)
	pc = (const void *)((ucontext_t *)uc_)->uc_mcontext.gregs[REG_RIP];
#elif defined(__aarch64__)
	pc = (const void *)((ucontext_t *)uc_)->uc_mcontext.pc;
#else
	(void)uc_;
#endif
	armed = 0;
	if (sig != SIGABRT && pc &&
	    weft__code_location(pc, where, sizeof where))
		snprintf(at, sizeof at, " (at %s)", where);
	dprintf(2, "weft: the program crashed (%s) before main, in a "
		   "constructor or a static initializer%s: no test ran\n",
		sig_name(sig), at);
	_exit(2);
}

/* exit() before main: glibc's on_exit hands the status over.  Registered
 * before the program's constructors, it runs after their own handlers. */
static void on_exit_premain(int status, void *arg)
{
	(void)arg;
	if (!armed)
		return;
	armed = 0;
	fflush(NULL);
	dprintf(2, "weft: the program called exit(%d) before main, in a "
		   "constructor or a static initializer: no test ran\n",
		status);
	_exit(2);
}

void weft__premain_guard(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_crash;
	sa.sa_flags = SA_SIGINFO | SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	for (int i = 0; i < NSIGS; i++)
		sigaction(sigs[i], &sa, &before[i]);
	on_exit(on_exit_premain, NULL);
	armed = 1;
}

/* main begins: the program's own handlers, if its constructors set any,
 * stay; weft's go, and what was there before comes back. */
void weft__premain_disarm(void)
{
	if (!armed)
		return;
	armed = 0;
	for (int i = 0; i < NSIGS; i++) {
		struct sigaction now;
		if (sigaction(sigs[i], NULL, &now) == 0 &&
		    (now.sa_flags & SA_SIGINFO) && now.sa_sigaction == on_crash)
			sigaction(sigs[i], &before[i], NULL);
	}
}
