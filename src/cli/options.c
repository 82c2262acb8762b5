/* src/cli/options.c - the command line of a test binary.
 *
 * Every flag may also come from the WEFT_OPTIONS environment variable
 * ("strategy=pct iterations=10000"); flags on the command line win.  A bad
 * flag or value is a usage error: one line on stderr and exit status 2. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sched/sched.h"
#include "options.h"

struct weft__opts weft__opts = {
	.strategy = "auto",
	.iterations = 100000,
	.seed = 0x5eed,
	.depth = 3,
	.preemption_bound = -1,
	.max_steps = 20000,
	.jobs = 1,
	.time_limit = 60,
	.spurious = true,
	.stack_size = 256 * 1024,
	.spin_bound = 200,
	.fair_bound = 1,
};

static const char *usage_text =
	"usage: %s [flags]\n"
	"Runs the program's weft tests under weft's explorer.\n"
	"  --strategy=S          auto (default: exhaustive DFS with iterative\n"
	"                        preemption bounding for half the budget, then\n"
	"                        PCT), dfs, random, pct, replay\n"
	"  --iterations=N        execution budget per test (default 100000; 0:\n"
	"                        no limit but the time limit)\n"
	"  --seed=N              seed for random and pct (default 24301)\n"
	"  --depth=D             PCT bug depth (default 3)\n"
	"  --preemption-bound=K  DFS bound (default 2; 'unbounded' or -1: none)\n"
	"  --max-steps=N         steps per execution before reporting a livelock\n"
	"                        (default 20000)\n"
	"  --spin-bound=N        steps with only spinning threads before\n"
	"                        reporting a livelock (default 200)\n"
	"  --fair-bound=K        DFS: times per execution a thread that just\n"
	"                        spun or yielded may run again before the\n"
	"                        threads it yielded to (default 1; -1 or\n"
	"                        'unbounded': no limit)\n"
	"  --replay=TOKEN        re-run exactly the execution a report printed\n"
	"  --filter=GLOB         run only the tests whose name matches\n"
	"  --list                list the tests and exit\n"
	"  --jobs=N              parallel worker processes (random and pct)\n"
	"  --time-limit=SECONDS  exploration time per test (default 60); a\n"
	"                        test still running 5 s later is killed\n"
	"  --no-spurious         do not explore spurious condvar wakeups\n"
	"  --stack-size=BYTES    stack of each test thread (default 262144)\n"
	"  --format=text|json    report format (default text)\n"
	"  --verbose             full traces: no collapsed runs\n"
	"  --help, --version\n"
	"Every flag can also be given in WEFT_OPTIONS=\"strategy=pct "
	"iterations=1000\".\n"
	"Exit status: 0 no bug, 1 bug found, 2 usage error, 3 inconclusive\n"
	"(a limit of weft, not a bug, kept it from concluding).\n";

void weft__usage(FILE *out, const char *argv0)
{
	fprintf(out, usage_text, argv0);
}

_Noreturn static void bad(const char *fmt, const char *a, const char *b)
{
	fprintf(stderr, "weft: ");
	fprintf(stderr, fmt, a, b);
	fputc('\n', stderr);
	exit(2);
}

static long num(const char *flag, const char *v, long lo, long hi)
{
	char *end;
	long x;

	errno = 0;
	x = strtol(v, &end, 0);
	if (!*v || *end || errno || x < lo || x > hi)
		bad("bad value '%s' for --%s (want a whole number in range)", v,
		    flag);
	return x;
}

static double fnum(const char *flag, const char *v)
{
	char *end;
	double x = strtod(v, &end);

	if (!*v || *end || x < 0)
		bad("bad value '%s' for --%s (want a number of seconds)", v,
		    flag);
	return x;
}

/* Apply one "name" or "name=value" setting; returns false if unknown. */
static void apply(struct weft__cli *cli, const char *name, const char *val)
{
	struct weft__opts *o = &weft__opts;
	bool has = val != NULL;

#define NEED()                                                               \
	do {                                                                 \
		if (!has)                                                    \
			bad("--%s needs a value%s", name, "");               \
	} while (0)
	if (!strcmp(name, "strategy")) {
		NEED();
		if (!weft__strategy_get(val))
			bad("unknown strategy '%s' (want auto, dfs, random, pct "
			    "or replay)%s", val, "");
		o->strategy = val;
	} else if (!strcmp(name, "iterations")) {
		NEED();
		o->iterations = num(name, val, 0, 1L << 50);
	} else if (!strcmp(name, "seed")) {
		NEED();
		o->seed = (uint64_t)num(name, val, 0, 1L << 62);
	} else if (!strcmp(name, "depth")) {
		NEED();
		o->depth = (int)num(name, val, 1, 16);
	} else if (!strcmp(name, "preemption-bound")) {
		NEED();
		o->preemption_bound = !strcmp(val, "unbounded")
					      ? -1
					      : (int)num(name, val, -1, 1000);
	} else if (!strcmp(name, "max-steps")) {
		NEED();
		o->max_steps = num(name, val, 10, 10000000);
	} else if (!strcmp(name, "fair-bound")) {
		NEED();
		o->fair_bound = !strcmp(val, "unbounded")
					? -1
					: (int)num(name, val, -1, 1000);
	} else if (!strcmp(name, "spin-bound")) {
		NEED();
		o->spin_bound = (int)num(name, val, 1, 1000000);
	} else if (!strcmp(name, "replay")) {
		NEED();
		o->replay = val;
	} else if (!strcmp(name, "filter")) {
		NEED();
		o->filter = val;
	} else if (!strcmp(name, "list")) {
		o->list = true;
	} else if (!strcmp(name, "jobs")) {
		NEED();
		o->jobs = (int)num(name, val, 1, 64);
	} else if (!strcmp(name, "time-limit")) {
		NEED();
		o->time_limit = fnum(name, val);
	} else if (!strcmp(name, "format")) {
		NEED();
		if (strcmp(val, "text") && strcmp(val, "json"))
			bad("bad value '%s' for --format (want text or json)%s",
			    val, "");
		o->json = !strcmp(val, "json");
	} else if (!strcmp(name, "verbose")) {
		o->verbose = true;
	} else if (!strcmp(name, "no-spurious")) {
		o->spurious = false;
	} else if (!strcmp(name, "stack-size")) {
		NEED();
		o->stack_size = num(name, val, 16384, 1L << 30);
	} else if (!strcmp(name, "help")) {
		cli->help = true;
	} else if (!strcmp(name, "version")) {
		cli->version = true;
	} else {
		bad("unknown flag --%s (see --help)%s", name, "");
	}
#undef NEED
}

static void apply_arg(struct weft__cli *cli, char *arg)
{
	char *eq = strchr(arg, '=');

	if (eq)
		*eq = 0;
	apply(cli, arg, eq ? eq + 1 : NULL);
}

/* WEFT_OPTIONS first, then the command line, so flags win. */
void weft__parse_options(struct weft__cli *cli, int argc, char **argv)
{
	const char *env = getenv("WEFT_OPTIONS");

	if (env) {
		char *copy = strdup(env), *save = NULL;
		for (char *w = strtok_r(copy, " \t\n", &save); w;
		     w = strtok_r(NULL, " \t\n", &save)) {
			if (w[0] == '-' && w[1] == '-')
				w += 2;
			apply_arg(cli, w);
		}
		/* copy stays allocated: option values point into it */
	}
	for (int i = 1; i < argc; i++) {
		char *a = argv[i];
		if (a[0] != '-' || a[1] != '-' || !a[2])
			bad("unexpected argument '%s' (flags look like "
			    "--name=value; see --help)%s", a, "");
		apply_arg(cli, strdup(a + 2));
	}
	if (weft__opts.replay)
		weft__opts.strategy = "replay";
	if (!strcmp(weft__opts.strategy, "replay") && !weft__opts.replay)
		bad("--strategy=replay needs --replay=TOKEN%s%s", "", "");
}
