/* src/cli/worker.c - the worker process that explores one test.
 *
 * The parent forks a worker per test (per job).  The worker records every
 * decision and trace step straight into memory shared with the parent as
 * the execution goes, so when test code crashes the worker, or hangs and
 * is killed, the parent still has the schedule that led there.  A crash is
 * caught by signal handlers on an alternate stack (a stack overflow hits a
 * guard page, so the handler cannot use the fiber's stack), which note the
 * signal and address in the shared record and exit. */
#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

#include "explore/explore.h"
#include "options.h"
#include "report/report.h"
#include "sched/run.h"

double weft__now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

double weft__now_coarse(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC_COARSE, &ts))
		return weft__now();
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* ---- the standard descriptors ------------------------------------------- */

/* A program started with fd 0, 1 or 2 closed (`prog <&-`) would hand that
 * number to the first descriptor weft creates: a pipe to a worker or to
 * the addr2line helper landing on fd 0 is then taken for standard input
 * (the helper's set-up duplicates onto 0 and closes the original, leaving
 * the helper without input and the worker killed by SIGPIPE), and output
 * meant for stdout would go into a pipe.  So before weft or the program
 * creates any descriptor (this constructor runs before libweft's others,
 * and libraries' constructors run before the program's), each closed one
 * of the three gets /dev/null, as daemons do: reads see end of file,
 * writes vanish, which is what the program saw natively, less EBADF. */
static bool stdout_closed;

bool weft__stdout_closed_at_start(void)
{
	return stdout_closed;
}

__attribute__((constructor(101))) static void std_fds_open(void)
{
	for (int fd = 0; fd <= 2; fd++) {
		int n;
		if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
			continue;
		stdout_closed |= fd == 1;
		n = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
		if (n >= 0 && n != fd) {
			dup2(n, fd);
			close(n);
		}
	}
}

/* ---- shared record ------------------------------------------------------ */

/* The decisions and steps follow the trace, which ends the mapping
 * (record.h); the decisions take an even count of words so that the steps
 * stay aligned. */
uint32_t *weft__trace_dec(struct weft__trace *t)
{
	return (uint32_t *)(t + 1);
}

struct weft__step *weft__trace_steps(struct weft__trace *t)
{
	return (struct weft__step *)(weft__trace_dec(t) + t->cap +
				     (t->cap & 1));
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
	s->t.cap = cap;
	return s;
}

/* ---- crashes ------------------------------------------------------------ */

static bool debug_crash;

int weft__debug_self_crash;

/* Through a pointer the compiler cannot see is null, so that the access
 * is made (a null dereference it sees may become a trap instruction). */
static int *volatile nowhere;

void weft__debug_crash_here(int where)
{
	if (weft__debug_self_crash == where)
		*nowhere = 1;
}

/* The callers of the crashing code, for a crash in the C library's code
 * (a strlen of a null pointer): the report names the program's call.  The
 * unwinder walks through the signal frame; it was loaded at start-up
 * (install_crash_handlers), so nothing here allocates. */
static void note_callers(struct weft__verdict *V)
{
	void *f[48];
	int n = backtrace(f, 48), k = 0, i = 0;

	while (i < n && f[i] != V->crash_pc)
		i++;
	for (i++; i < n && k < 8; i++)
		V->crash_callers[k++] = f[i];
	if (k < 8)
		V->crash_callers[k] = NULL;
}

static void on_crash(int sig, siginfo_t *si, void *uc_)
{
	struct weft__verdict *V = &weft__S->v;
	ucontext_t *uc = uc_;
	void *sp = NULL;

	/* WEFT_DEBUG_CRASH=1: the worker's own stack on stderr, for work on
	 * weft itself (a crash inside weft's code). */
	if (debug_crash) {
		void *frames[64];
		backtrace_symbols_fd(frames, backtrace(frames, 64), 2);
	}

	V->crash_signal = sig;
	/* si_addr is a fault's address only for a fault: raise() and kill()
	 * (si_code <= 0) leave the sender's pid there. */
	V->crash_sent = si->si_code <= 0;
	V->crash_addr = si->si_addr;
#if defined(__x86_64__)
	V->crash_pc = (void *)uc->uc_mcontext.gregs[REG_RIP];
	sp = (void *)uc->uc_mcontext.gregs[REG_RSP];
#elif defined(__aarch64__)
	V->crash_pc = (void *)uc->uc_mcontext.pc;
	sp = (void *)uc->uc_mcontext.sp;
#else
	(void)uc;
#endif
	V->crash_tid = weft__self();
	V->crash_stack_overflow = (sig == SIGSEGV || sig == SIGBUS) &&
				  weft__stack_overflowed(si->si_addr, sp);
	/* Where the stack runs out is often in weft's or the C library's
	 * code (the scheduler and the models run on the thread's stack):
	 * the report names the program's own innermost call too. */
	V->crash_call = V->crash_stack_overflow
				? (void *)weft__race_innermost_call()
				: NULL;
	/* A WEFT_TEST thread on weft's default stack, which is smaller
	 * than a native thread's: the report says how to give it more. */
	V->crash_default_stack =
		V->crash_stack_overflow && weft__running.tid == V->crash_tid &&
		!weft__running.stack_asked &&
		weft__opts.stack_size == WEFT__DEFAULT_STACK_SIZE &&
		weft__running.stack_hi - weft__running.stack_lo ==
			WEFT__DEFAULT_STACK_SIZE;
	if (!V->crash_stack_overflow)
		note_callers(V);
	__atomic_store_n(&V->state, SHM_CRASHED, __ATOMIC_SEQ_CST);
	_exit(70);
}

/* The first backtrace() of a process loads the unwinder (libgcc_s, with
 * dlopen), which a signal handler must not do (note_callers).  The parent
 * calls this before its first fork (jobs.c), so that its workers inherit
 * the unwinder loaded and the flag set: a worker's start took 1.2 ms
 * longer when each loaded it. */
void weft__unwinder_prime(void)
{
	static bool primed;
	void *pc[2];

	if (!primed)
		(void)backtrace(pc, 2);
	primed = true;
}

static void install_crash_handlers(void)
{
	static char altstack[1 << 16];
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof altstack };
	struct sigaction sa;
	int sigs[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP,
		       SIGSYS };
	const char *self = getenv("WEFT_DEBUG_SELF_CRASH");

	weft__unwinder_prime();
	debug_crash = getenv("WEFT_DEBUG_CRASH") != NULL;
	if (self && !strcmp(self, "setup"))
		weft__debug_self_crash = WEFT__SELF_CRASH_SETUP;
	else if (self && !strcmp(self, "spawn"))
		weft__debug_self_crash = WEFT__SELF_CRASH_SPAWN;
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
	struct weft__verdict *V = &weft__S->v;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(V->message, sizeof V->message, fmt, ap);
	va_end(ap);
	snprintf(V->kind, sizeof V->kind, "%s", WEFT__K(NONDETERMINISM));
	__atomic_store_n(&V->state, SHM_DONE, __ATOMIC_SEQ_CST);
	_exit(2);
}

_Noreturn void weft__preload_restart(const char *path, int mode)
{
	struct weft__verdict *V = &weft__S->v;

	if (strlen(path) >= sizeof V->preload)
		weft__die("a library's path is longer than %zu bytes: %s",
			  sizeof V->preload - 1, path);
	memcpy(V->preload, path, strlen(path) + 1);
	V->preload_mode = mode;
	__atomic_store_n(&V->state, SHM_DONE, __ATOMIC_SEQ_CST);
	_exit(0);
}

/* WEFT_SHOW_OUTPUT=1 lets the program print in every execution, on the
 * worker's stdout, which under --format=json is the JSON Lines the parent
 * writes: a probe found the program's lines among them.  They go to
 * stderr then, where the output a report shows goes too. */
static void show_output_aside(void)
{
	const char *e = getenv("WEFT_SHOW_OUTPUT");

	if (!weft__opts.json || !e || !*e || !strcmp(e, "0"))
		return;
	fflush(stdout);
	dup2(2, 1);
}

/* Entry of a forked worker: never returns. */
_Noreturn void weft__worker_main(const struct weft_test *t,
				 struct weft__shm *S,
				 const struct weft__job_cfg *c)
{
	struct weft__loop_cfg cfg = {
		.first = c->first, .stride = c->stride, .min_bug = c->min_bug,
		.split = c->split > 0, .in_parts = c->nshards * c->njobs > 1,
		.debug_exec = getenv("WEFT_DEBUG_EXEC") != NULL,
		.used = c->split > 0 && c->njobs > 1 && c->min_bug
				? c->min_bug + WEFT__JOB_USED : NULL,
		.held = c->split > 0 && c->njobs > 1 && c->min_bug
				? c->min_bug + WEFT__JOB_HELD : NULL,
		.deeper_from = c->deeper_from, .deepen_end = c->deepen_end,
		.before = c->before, .secs_before = c->secs_before,
		.abandon = c->min_bug ? c->min_bug + WEFT__JOB_ABANDON : NULL };
	uint32_t *replay = c->replay;

	weft__S = S;
	weft__locs_reset();
	install_crash_handlers();
	show_output_aside();
	weft__sched_setup();
	weft__strategy_setup(replay ? "replay" : weft__opts.strategy);
	snprintf(S->v.strategy, sizeof S->v.strategy, "%s",
		 weft__strategy_ran());
	weft__nondet_wide = weft__nondet_widenable = 0;
	if (replay) {
		weft__replay_load(replay, c->nreplay);
		/* A run alone is the scheduler's, not a detector's: read
		 * here, so that a build without the race detector (whose
		 * import reads the sites) replays it too. */
		for (int i = 0; i < c->nctx; i++)
			if (WEFT__CTX_IS_ALONE(c->ctx[i]))
				weft__replay_alone(WEFT__CTX_ALONE_AT(c->ctx[i]),
						   WEFT__CTX_ALONE_TID(c->ctx[i]));
		weft__replay_context_import(c->ctx, c->nctx);
	} else if (c->split > 0) {
		weft__split_setup(&(struct weft__split_cfg){
			.width = c->split, .shard = c->shard,
			.nshards = c->nshards, .job = c->job, .njobs = c->njobs,
			.stop = c->min_bug,
			.takeover = c->min_bug ? c->min_bug + WEFT__JOB_TAKEOVER
					       : NULL,
			.log = c->log, .claims = c->claims,
			.nclaims = c->nclaims });
	}
	S->v.leaf = S->v.bug_leaf = -1;
	weft__asm_atomics_note();
	weft__unseen_libs_note();
	weft__globals_snapshot();
	weft__debug_crash_here(WEFT__SELF_CRASH_SETUP);
	weft__explore_loop(t, &cfg);
	fflush(NULL);
	_exit(0);
}

/* Without the race detector (the core-only builds) no call is recorded. */
__attribute__((weak)) uintptr_t weft__race_innermost_call(void)
{
	return 0;
}

/* Without the pthread layer (the core-only builds) no program's main is
 * a test, and its standard input is not weft's business. */
__attribute__((weak)) void weft__pt_stdin_prepare(void)
{
}

/* Without the pthread layer, nothing of the program's output is kept
 * aside. */
__attribute__((weak)) void weft__pt_output_enable(void)
{
}

__attribute__((weak)) void weft__pt_output_show(void)
{
}

__attribute__((weak)) void weft__pt_output_forget(void)
{
}

/* Without a subsystem that learns scheduling points (the race detector),
 * there is no replay context. */
__attribute__((weak)) void weft__replay_context_mark(void)
{
}

__attribute__((weak)) int weft__replay_context_export(uint64_t *out, int max)
{
	(void)out;
	(void)max;
	return 0;
}

__attribute__((weak)) void weft__replay_context_import(const uint64_t *in,
							int n)
{
	(void)in;
	(void)n;
}
