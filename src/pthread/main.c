/* src/pthread/main.c - the program's main as the test body, and the ways a
 * program ends (exit, abort, a failed assert).
 *
 * weft-cc links with --wrap=main; when the program registered no WEFT_TEST
 * the core's __wrap_main calls weft__main_mode, which runs main once per
 * execution as a test named after the program.  Options come from
 * WEFT_OPTIONS (read by the core), because the program owns its argv.
 * Every execution gets a fresh copy of the arguments, since programs may
 * write to them.  exit() or returning from main ends the execution at once,
 * as it ends a real process, whatever the other threads are doing. */
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "pthread/pt.h"
#include "cli/options.h"
#include "modelled.h"
#include "report/report.h"

/* weft-cc names this symbol with -u so the linker always takes this file
 * (and its strong weft__main_mode) from libweft.a. */
int weft__pthread_main_anchor;

static int (*real_main)(int, char **);
static int main_argc;
static char **main_argv;

/* A fresh, writable copy of the program's arguments for this execution. */
static char **fresh_argv(void)
{
	char **v = weft__exec_alloc(sizeof *v * (size_t)(main_argc + 1));

	for (int i = 0; i < main_argc; i++) {
		size_t n = strlen(main_argv[i]) + 1;
		v[i] = weft__exec_alloc(n);
		memcpy(v[i], main_argv[i], n);
	}
	return v;
}

/* main's stack: the soft RLIMIT_STACK the kernel lets the initial thread
 * grow to, 8 MiB when it is unlimited or smaller (up to 1 GiB).  Fiber
 * stacks are reserved without backing, so only touched pages cost. */
static size_t main_stack_size(void)
{
	const size_t min = (size_t)8 << 20, max = (size_t)1 << 30;
	struct rlimit rl;

	if (getrlimit(RLIMIT_STACK, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY ||
	    rl.rlim_cur < min)
		return min;
	return rl.rlim_cur > max ? max : (size_t)rl.rlim_cur;
}

/* A non-zero exit status is how a program says it failed (a test that
 * returns 1 when its check fails): a bug, unless --exit-status=any, or
 * under the SV-COMP convention, whose only property is reach_error(). */
static void check_status(int status, const struct weft_loc *loc,
			 const char *how)
{
	/* The process exits with the low byte: 256 is a clean exit. */
	if ((status & 255) == 0 || weft__opts.exit_any ||
	    weft__pt_sv_convention())
		return;
	/* The thread that exited, and its call in the trace: a thread's
	 * exit(3) read as the whole program's. */
	if (!strncmp(how, "called ", 7)) {
		const char *call = how + 7;

		weft__fail_call(weft__internf("%.*s(%d)",
					      (int)strcspn(call, " "), call,
					      status));
		weft__fail(WEFT__K(EXIT_STATUS), loc, "thread %s %s %d",
			   weft__thread_name(weft__self()), how, status);
	}
	/* The process would exit with the low byte only.  A status outside
	 * 0..255 is seldom meant: most often it is what a main declared
	 * void leaves in the return register (weft-cc's instrumentation
	 * leaves other values there than a plain build would). */
	if (status < 0 || status > 255)
		weft__fail_detail("  the process would exit with status %d; a "
				  "main declared void returns no status (what "
				  "it leaves is garbage): declare it int, or "
				  "give --exit-status=any",
				  status & 255);
	weft__fail(WEFT__K(EXIT_STATUS), loc, "the program %s %d", how,
		   status);
}

bool weft__pt_main_mode(void)
{
	return real_main != NULL;
}

static void main_body(void)
{
	int status = real_main(main_argc, fresh_argv());

	/* main's frames are gone, though the process goes on: another
	 * thread's use of its locals is a use of dead memory. */
	weft__stack_frames_ended(__builtin_frame_address(0));

	weft__pt_run_atexit(status);
	/* main itself, not the return statement it left by: the compiler
	 * merges main's returns into one epilogue, whose line is the last
	 * return's (a 'return 3' reported at the line of the 'return 0'
	 * after it, a probe found).  +1: a location is looked up at the
	 * byte before a return address. */
	check_status(status, weft__pc_loc((uintptr_t)real_main + 1),
		     "returned from main with status");
	weft__exec_exit(status);
}

/* A program with its own main receives its command line, so weft's flags
 * there go to the program and weft runs as it would without them: said
 * once on stderr, with the way that works.  Only the --name=value forms:
 * --verbose or --help are as likely the program's own. */
static void warn_flags(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (strchr(argv[i], '=') && weft__names_flag(argv[i])) {
			fprintf(stderr,
				"weft: note: %s is passed to the program's own "
				"main, not to weft; give weft's options in "
				"WEFT_OPTIONS (WEFT_OPTIONS='%s' %s)\n",
				argv[i], argv[i] + 2, argv[0]);
			return;
		}
}

/* Threads a constructor created before main (a C++ static object's, a
 * library's) and did not join: counted by the creation and join calls
 * that run outside an execution, until main mode begins. */
static int premain_threads;

int weft__pt_premain_thread(int rc, int delta)
{
	if (!real_main && rc == 0)
		premain_threads += delta;
	return rc;
}

/* Every execution: a thread a constructor created before main is a real
 * thread weft neither made nor schedules, and it is not even in the
 * worker process (a fork copies only the forking thread): a C++ pool
 * made by a static object's constructor, whose destructor at exit joined
 * its threads, was a false "misuse" (a pthread_join of an ID no
 * pthread_create returned).  Inconclusive, saying why. */
void weft__pt_premain_threads_check(void)
{
	if (premain_threads > 0)
		weft__limit("unsupported: thread before main", NULL,
			    "a constructor run before main (a static object's "
			    "or a library's) created %d thread%s; weft runs "
			    "constructors once, outside its executions, and "
			    "cannot schedule those threads: create them from "
			    "main or a function it calls",
			    premain_threads, premain_threads == 1 ? "" : "s");
}

int weft__main_mode(int argc, char **argv, int (*m)(int, char **))
{
	static struct weft_test test;
	char *name = strdup(argv[0] ? argv[0] : "main");
	char *args[2] = { argv[0], NULL };
	int rc;

	real_main = m;
	weft__body_stack_size = main_stack_size();
	main_argc = argc;
	main_argv = argv;
	test.name = strdup(basename(name));
	test.fn = main_body;
	test.file = argv[0];
	test.line = 0;
	free(name);
	warn_flags(argc, argv);
	weft__pt_output_enable();
	/* (The failing execution's output follows its report: run.c.) */
	rc = weft__run_tests(&test, 1, args);
	/* The program's main never ran in this process: the exit handlers it
	 * registered before main and its destructors must not run here, on
	 * data as it was before main (a destructor's assertion failed after
	 * the verdict, and made the exit status 134). */
	fflush(NULL);
	_exit(rc);
}

/* The exit calls end the execution (not the process) when a test thread
 * makes them: the handlers the call runs (exit: atexit's and the
 * destructors, quick_exit: at_quick_exit's, _exit: none), then the status
 * is judged, at the call. */
_Noreturn static void end_process(int status, uintptr_t ra,
				  void (*handlers)(int status), const char *how)
{
	if (handlers)
		handlers(status);
	check_status(status, weft__pc_loc(ra), how);
	weft__exec_exit(status);
}

void __weft_exit(int status)
{
	uintptr_t ra = PT_RA();

	if (!weft__pt_live())
		exit(status);
	end_process(status, ra, weft__pt_run_atexit, "called exit with status");
}

void __weft__exit(int status)
{
	uintptr_t ra = PT_RA();

	if (!weft__pt_live())
		_exit(status);
	end_process(status, ra, NULL, "called _exit with status");
}

void __weft__Exit(int status)
{
	uintptr_t ra = PT_RA();

	if (!weft__pt_live())
		_Exit(status);
	end_process(status, ra, NULL, "called _Exit with status");
}

void __weft_quick_exit(int status)
{
	uintptr_t ra = PT_RA();

	if (!weft__pt_live())
		quick_exit(status);
	end_process(status, ra, weft__pt_run_quick_exit,
		    "called quick_exit with status");
}

/* abort() in a test thread is a bug of kind crash at the caller, except
 * under the SV-COMP convention.  There the only property is reach_error()
 * (and assert), and abort() is how a program says assume(false): in
 * assume_abort_if_not(cond), or written inline as `if (!(cond)) abort();`,
 * so it prunes the execution.  abort() in reach_error's body follows the
 * property violation and is reported as that; an empty reach_error()
 * before abort() was already reported by its entry hook (verifier_fn.c).
 * A program that defines assume_abort_if_not without naming anything of
 * the convention still has that abort() pruned: the name says what it
 * means.  Which function called is read from the debug information of the
 * return address (addr2line names the innermost function, so an inlined
 * reach_error or assume_abort_if_not is still recognised). */
void __weft_abort(void)
{
	uintptr_t ra = (uintptr_t)__builtin_return_address(0);
	const struct weft_loc *loc;

	if (!weft__pt_live())
		abort();
	if (weft__pt_in_reach_error(ra))
		weft__pt_reach_error(ra, 0);
	if (weft__pt_sv_convention())
		weft__prune();
	loc = weft__pc_loc(ra);
	if (loc->func && !strcmp(loc->func, "assume_abort_if_not"))
		weft__prune();
	weft__fail_call("abort()");
	weft__fail(WEFT__K(CRASH), loc, "thread %s called abort()",
		   weft__thread_name(weft__self()));
}

/* glibc's assert() calls this with the failed expression and its place.
 * Called from reach_error's body (`reach_error() { assert(0); }` or an
 * explicit __assert_fail), it is the SV-COMP violation, at reach_error's
 * call. */
void __weft___assert_fail(const char *expr, const char *file, unsigned line,
			  const char *func)
{
	uintptr_t ra = (uintptr_t)__builtin_return_address(0);
	struct weft_loc *loc;

	if (!weft__pt_live()) {
		fprintf(stderr, "%s:%u: %s: Assertion `%s' failed.\n", file,
			line, func, expr);
		abort();
	}
	if (weft__pt_in_reach_error(ra))
		weft__pt_reach_error(ra, 0);
	loc = weft__exec_alloc(sizeof *loc);
	loc->file = weft__intern(file);
	loc->line = (int)line;
	loc->func = weft__intern(func);
	weft_assert_fail(expr, loc);
}
