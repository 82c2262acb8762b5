/* src/pthread/getopt.c - getopt, getopt_long and getopt_long_only, as in
 * a process that starts again at every execution.
 *
 * Their state is the C library's: optind, opterr, optopt and optarg, and
 * glibc's own place inside the argument it is reading.  weft restores the
 * program's data before each execution, not the C library's, so the
 * second execution of a program that parses its options found optind
 * past them: getopt returned -1 at once, the program took another path
 * with the same decisions, and weft stopped it as nondeterministic
 * (exit status 2) instead of giving a verdict.  The four variables are
 * saved before the first execution and put back before each; the first
 * call of an execution, when optind is still its value at start-up,
 * gives glibc an optind of 0, which makes it set its own state up again
 * (and optind to 1).  A call is a write of "getopt's state", so two
 * threads that parse without ordering race.  None blocks. */
#include <getopt.h>
#include <unistd.h>

#include "detect/race.h"
#include "modelled.h"
#include "pthread/pt.h"
#include "report/report.h"

static char getopt_state[sizeof(int)];
static bool saved, called;
static int optind0, opterr0, optopt0;
static char *optarg0;

__attribute__((constructor)) static void name_getopt_state(void)
{
	weft__name_model_object(getopt_state, sizeof getopt_state,
				"getopt's state");
}

void weft__pthread_getopt_begin(void)
{
	if (!saved) {
		saved = true;
		optind0 = optind;
		opterr0 = opterr;
		optopt0 = optopt;
		optarg0 = optarg;
	}
	optind = optind0;
	opterr = opterr0;
	optopt = optopt0;
	optarg = optarg0;
	called = false;
}

static void before(uintptr_t pc)
{
	if (!weft__pt_live())
		return;
	if (weft__race_on)
		weft__race_access(getopt_state, sizeof getopt_state,
				  WEFT__RACE_WRITE, pc);
	if (!called && optind == optind0 && optind0 == 1)
		optind = 0;
	called = true;
}

#define PC() ((uintptr_t)__builtin_return_address(0))

int __weft_getopt(int argc, char *const argv[], const char *opts)
{
	before(PC());
	return getopt(argc, argv, opts);
}

int __weft_getopt_long(int argc, char *const argv[], const char *opts,
		       const struct option *longopts, int *index)
{
	before(PC());
	return getopt_long(argc, argv, opts, longopts, index);
}

int __weft_getopt_long_only(int argc, char *const argv[], const char *opts,
			    const struct option *longopts, int *index)
{
	before(PC());
	return getopt_long_only(argc, argv, opts, longopts, index);
}
