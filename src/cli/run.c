/* src/cli/run.c - running the tests: the registered tests, the ones the
 * options select, each explored (jobs.c) and reported, and the exit
 * status; or, for a program without tests, its own main (main mode). */
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "explore/explore.h"
#include "report/report.h"
#include "options.h"

static struct weft_test *registered;

void weft__register_test(struct weft_test *t)
{
	struct weft_test **p = &registered;

	/* Keep source order: constructors run in definition order. */
	while (*p)
		p = &(*p)->next;
	t->next = NULL;
	*p = t;
}

struct weft_test *weft__registered_tests(void)
{
	return registered;
}

const struct weft__shm *weft__reported;

/* Run one test; returns 0 (no bug), 1 (bug), 2 (error), 3 (inconclusive). */
static int run_test(const struct weft_test *t, const char *argv0)
{
	struct weft__shm *S = weft__explore_test(t);

	weft__reported = S;
	if (!S)
		return 2;
	weft__report_test(t, S, argv0);
	/* The test's own output, kept aside (on standard error: standard
	 * output is the reports', JSON Lines with --format=json), of the
	 * execution the report draws. */
	if (S->v.verdict == VERDICT_BUG && !weft__stdout_closed_at_start())
		weft__pt_output_show();
	weft__pt_output_forget();
	return S->v.verdict == VERDICT_BUG	      ? 1
	       : S->v.verdict == VERDICT_INCONCLUSIVE ? 3
						      : 0;
}

/* Exit statuses by severity: a usage error, then a bug, then an
 * inconclusive test, then success. */
static int severity(int status)
{
	static const int rank[] = { 0, 2, 3, 1 };

	return status >= 0 && status <= 3 ? rank[status] : 3;
}

static bool selected(const struct weft_test *t)
{
	return !weft__opts.filter || !fnmatch(weft__opts.filter, t->name, 0);
}

/* Does the replay token belong to test t?  Its checksum covers the test's
 * name, so a token picks its own test even without --filter. */
static bool token_fits(const struct weft_test *t, const char **err)
{
	return weft__token_fits(t->name, weft__opts.replay, err);
}

/* With --replay: how many selected tests the token fits; when there are
 * some but it fits none, -1 after one line on stderr says why.  The error
 * names the test whose checksum matched a malformed token; one that no
 * test's checksum matches belongs to none of them. */
static int replay_targets(struct weft_test *list)
{
	const char *err = NULL, *name = NULL, *e = NULL, *only = NULL;
	int tried = 0, fit = 0, other = 0;

	for (struct weft_test *t = list; t; t = t->next) {
		if (!selected(t))
			continue;
		tried++;
		only = t->name;
		if (token_fits(t, &e)) {
			fit++;
		} else if (!strstr(e, "checksum")) {
			other++;
			err = e;
			name = t->name;
		} else if (!err) {
			err = e;
		}
	}
	if (fit || !tried)
		return fit;
	if (tried == 1 || other == 1)
		fprintf(stderr, "weft: bad replay token for test %s: %s\n",
			name ? name : only, err);
	else if (other)
		fprintf(stderr, "weft: bad replay token: %s\n", err);
	else
		fprintf(stderr, "weft: bad replay token: it belongs to none of "
				"the %d tests here (corrupted, or made for "
				"another program)\n", tried);
	return -1;
}

/* --merge: the tests the files hold results for, reported from them. */
static int merge_tests(struct weft_test *list, const char *argv0)
{
	int status = 0, merged = 0;

	if (!weft__merge_load())
		return 2;
	weft__symbols_load();
	for (struct weft_test *t = list; t; t = t->next) {
		if (!selected(t))
			continue;
		int r = weft__merge_test(t, argv0);
		if (r < 0)
			continue;
		merged++;
		if (severity(r) > severity(status))
			status = r;
	}
	if (!merged) {
		fprintf(stderr, "weft: the merged files hold no result for the "
				"tests here\n");
		return 2;
	}
	if (!weft__results_write(argv0))
		return 2;
	return status;
}

int weft__run_tests(struct weft_test *list, int argc, char **argv)
{
	struct weft__cli cli = { 0 };
	int status = 0, ran = 0;
	const char *err;

	weft__parse_options(&cli, argc, argv);
	if (cli.help) {
		weft__usage(stdout, argv[0]);
		return 0;
	}
	if (cli.version) {
		printf("weft %s\n", WEFT_VERSION);
		return 0;
	}
	if (weft__opts.replay && !weft__opts.list && replay_targets(list) < 0)
		return 2;
	if (!weft__opts.list && !weft__results_open())
		return 2;
	if (weft__outputs.nmerge && !weft__opts.list)
		return merge_tests(list, argv[0]);
	weft__symbols_load();
	for (struct weft_test *t = list; t; t = t->next) {
		if (!selected(t))
			continue;
		ran++;
		if (weft__opts.list) {
			printf("%s\n", t->name);
			continue;
		}
		if (weft__opts.replay && !token_fits(t, &err))
			continue;
		int r = run_test(t, argv[0]);
		if (severity(r) > severity(status))
			status = r;
	}
	if (!ran && weft__opts.filter) {
		fprintf(stderr, "weft: no test matches --filter=%s\n",
			weft__opts.filter);
		return 2;
	}
	if (!weft__opts.list && !weft__results_write(argv[0]))
		return 2;
	return status;
}

/* The program defines no WEFT_TEST and its own main: the pthread layer
 * (src/pthread/) provides the real implementation of this mode. */
__attribute__((weak)) int weft__main_mode(int argc, char **argv,
					  int (*real_main)(int, char **))
{
	(void)argc;
	(void)argv;
	(void)real_main;
	fprintf(stderr, "weft: this program defines no WEFT_TEST, and running "
			"its main under weft is not available in this build\n");
	return 2;
}

/* Called by the __wrap_main linked into every program (wrap_main.c).  In main
 * mode the program's arguments are its own; the report's replay command
 * passes them again.  Its standard input is prepared here, in the parent,
 * once: a pipe read to its end before the first worker starts. */
static pid_t launch_ppid;

pid_t weft__launch_ppid(void)
{
	return launch_ppid;
}

int weft__entry(int argc, char **argv, int (*real_main)(int, char **))
{
	weft__premain_disarm();
	launch_ppid = getppid();
	if (!registered && real_main) {
		weft__pt_stdin_prepare();
		weft__report_main_args(argc, argv);
		return weft__main_mode(argc, argv, real_main);
	}
	if (!registered) {
		fprintf(stderr, "weft: the program defines no tests\n");
		return 2;
	}
	/* A test's output is kept aside as a main program's is: printed in
	 * every execution, it came before the reports, and a test that
	 * printed broke --format=json's JSON Lines (a probe). */
	weft__pt_output_enable();
	return weft__run_tests(registered, argc, argv);
}
