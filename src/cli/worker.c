/* src/cli/worker.c - the worker process that explores one test.
 *
 * The parent forks a worker per test (per job).  The worker records every
 * decision and trace step straight into memory shared with the parent as
 * the execution goes, so when test code crashes the worker, or hangs and
 * is killed, the parent still has the schedule that led there.  A crash is
 * caught by signal handlers on an alternate stack (a stack overflow hits a
 * guard page, so the handler cannot use the fiber's stack), which note the
 * signal and address in the shared record and exit. */
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

#include "sched/sched.h"

const char *weft__strategy_ran(void);
bool weft__strategy_verified(void);
void weft__replay_load(uint32_t *d, long n);
extern const struct weft__strategy weft__strategy_replay;

double weft__now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* ---- shared record ------------------------------------------------------ */

uint32_t *weft__shm_dec(struct weft__shm *s)
{
	return (uint32_t *)(s + 1);
}

struct weft__step *weft__shm_steps(struct weft__shm *s)
{
	return (struct weft__step *)(weft__shm_dec(s) + s->cap +
				     (s->cap & 1));
}

struct weft__shm *weft__shm_create(long cap)
{
	size_t size = sizeof(struct weft__shm) + (size_t)(cap + 1) * 4 +
		      (size_t)cap * sizeof(struct weft__step);
	struct weft__shm *s = mmap(NULL, size, PROT_READ | PROT_WRITE,
				   MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE,
				   -1, 0);

	if (s == MAP_FAILED)
		weft__die("cannot map %zu bytes of shared memory", size);
	s->cap = cap;
	return s;
}

/* ---- crashes ------------------------------------------------------------ */

static void on_crash(int sig, siginfo_t *si, void *uc_)
{
	struct weft__shm *S = weft__S;
	ucontext_t *uc = uc_;

	S->crash_signal = sig;
	S->crash_addr = si->si_addr;
#if defined(__x86_64__)
	S->crash_pc = (void *)uc->uc_mcontext.gregs[REG_RIP];
#elif defined(__aarch64__)
	S->crash_pc = (void *)uc->uc_mcontext.pc;
#else
	(void)uc;
#endif
	S->crash_tid = weft__X ? weft__X->cur : -1;
	S->crash_stack_overflow =
		(sig == SIGSEGV || sig == SIGBUS) && weft__addr_in_guard(si->si_addr);
	__atomic_store_n(&S->state, SHM_CRASHED, __ATOMIC_SEQ_CST);
	_exit(70);
}

static void install_crash_handlers(void)
{
	static char altstack[1 << 16];
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof altstack };
	struct sigaction sa;
	int sigs[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP,
		       SIGSYS };

	sigaltstack(&ss, NULL);
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_crash;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
}

/* The program behaved differently on a re-run with the same decisions. */
_Noreturn void weft__nondeterminism(const char *fmt, ...)
{
	struct weft__shm *S = weft__S;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(S->message, sizeof S->message, fmt, ap);
	va_end(ap);
	snprintf(S->kind, sizeof S->kind, "nondeterminism");
	__atomic_store_n(&S->state, SHM_DONE, __ATOMIC_SEQ_CST);
	_exit(2);
}

/* ---- the exploration loop ------------------------------------------------ */

struct worker_cfg {
	long first, stride;        /* executions first, first+stride, ... */
	volatile long *min_bug;    /* shared across jobs: lowest bug found */
};

static void finish(struct weft__shm *S, double t0, int verdict)
{
	S->verdict = verdict;
	S->seconds = weft__now() - t0;
	snprintf(S->strategy, sizeof S->strategy, "%s", weft__strategy_ran());
	__atomic_store_n(&S->state, SHM_DONE, __ATOMIC_SEQ_CST);
}

/* Findings that end no execution (lock-order) still want a trace: the
 * decisions of the first execution that produced one are kept and that
 * execution is replayed at the end, so the shared record holds its trace. */
static void replay_finding(const struct weft_test *t, uint32_t *dec, long n)
{
	struct weft__shm *S = weft__S;
	char ran[32];

	snprintf(ran, sizeof ran, "%s", weft__strategy_ran());
	weft__replay_load(dec, n);
	weft__strat = &weft__strategy_replay;
	weft__strat->begin();
	weft__run_execution(t);
	snprintf(S->kind, sizeof S->kind, "%s", S->findings[0].kind);
	snprintf(S->message, sizeof S->message, "%s", S->findings[0].msg);
	weft__strat = weft__strategy_get(ran[0] == 'd' && ran[3] == '+' ? "auto" : ran);
}

static void explore(const struct weft_test *t, struct worker_cfg *cfg)
{
	struct weft__shm *S = weft__S;
	double t0 = weft__now(), limit = weft__opts.time_limit;
	uint32_t *fdec = NULL;
	long fn = 0, exec_no = cfg->first;
	int nfind = 0;

	for (;; exec_no += cfg->stride) {
		enum exec_result r;
		if (weft__opts.iterations > 0 &&
		    exec_no >= weft__opts.iterations)
			break;
		if (cfg->min_bug && exec_no > *cfg->min_bug)
			break;
		if (limit > 0 && weft__now() - t0 > limit)
			break;
		weft__X->exec_no = exec_no;
		if (!weft__strat->begin()) {
			if (weft__strategy_verified() && !S->nfindings) {
				finish(S, t0, VERDICT_VERIFIED);
				return;
			}
			break;
		}
		r = weft__run_execution(t);
		weft__strat->end(r);
		S->total_steps += weft__X->nsteps;
		if (r == EXEC_OK || r == EXEC_BUG)
			S->executions++;
		else
			S->pruned++;
		if (S->nfindings > nfind && !fdec) {
			S->bug_exec = exec_no;
			S->bug_seconds = weft__now() - t0;
			fn = S->ndec;
			fdec = malloc(sizeof *fdec * (size_t)(fn ? fn : 1));
			memcpy(fdec, weft__shm_dec(S), sizeof *fdec * (size_t)fn);
		}
		nfind = S->nfindings;
		if (r == EXEC_BUG) {
			S->bug_exec = exec_no;
			S->bug_seconds = weft__now() - t0;
			if (cfg->min_bug)
				__atomic_store_n(cfg->min_bug, exec_no,
						 __ATOMIC_SEQ_CST);
			finish(S, t0, VERDICT_BUG);
			return;
		}
	}
	if (S->nfindings && fdec) {
		replay_finding(t, fdec, fn);
		finish(S, t0, VERDICT_BUG);
		return;
	}
	finish(S, t0, VERDICT_PASS);
}

/* Entry of a forked worker: never returns. */
_Noreturn void weft__worker_main(const struct weft_test *t,
				 struct weft__shm *S, long first, long stride,
				 volatile long *min_bug, uint32_t *replay,
				 long nreplay)
{
	struct worker_cfg cfg = { first, stride, min_bug };

	weft__S = S;
	install_crash_handlers();
	weft__X = weft__persistent_alloc(sizeof *weft__X);
	weft__strategy_setup(replay ? "replay" : weft__opts.strategy);
	if (replay)
		weft__replay_load(replay, nreplay);
	weft__globals_snapshot();
	explore(t, &cfg);
	fflush(NULL);
	_exit(0);
}

void weft__strategy_setup(const char *name)
{
	weft__strat = weft__strategy_get(name);
	if (!weft__strat)
		weft__die("unknown strategy %s", name);
}
