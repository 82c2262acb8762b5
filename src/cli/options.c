/* src/cli/options.c - the command line of a test binary.
 *
 * Every flag may also come from the WEFT_OPTIONS environment variable
 * ("strategy=pct iterations=10000"); flags on the command line win.  A bad
 * flag or value is a usage error: one line on stderr and exit status 2.
 * Numbers are decimal and checked against their range: "010", "0x10",
 * "inf", "nan" or "1e999" are errors, never silently something else. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "explore/explore.h"
#include "options.h"

#define DEFAULTS                                                              \
	{                                                                     \
		.strategy = "auto", .iterations = 100000, .seed = 0x5eed,     \
		.depth = 3, .preemption_bound = -1, .max_steps = 20000,       \
		.jobs = 1, .time_limit = 60, .spurious = true,                \
		.stack_size = 256 * 1024, .spin_bound = 200, .fair_bound = 1, \
	}
static const struct weft__opts defaults = DEFAULTS;
struct weft__opts weft__opts = DEFAULTS;
struct weft__outputs weft__outputs;

/* The longest time limit: about 115 days, far below what the parent's
 * timers can count. */
#define MAX_SECONDS 1e7

/* ---- parsing state ------------------------------------------------------ */

struct parse {
	struct weft__cli *cli;
	const char *origin;        /* "" or " in WEFT_OPTIONS" */
	char *err;
	size_t errlen;
};

__attribute__((format(printf, 2, 3))) static bool bad(struct parse *p,
						       const char *fmt, ...)
{
	va_list ap;
	size_t n;

	va_start(ap, fmt);
	vsnprintf(p->err, p->errlen, fmt, ap);
	va_end(ap);
	n = strlen(p->err);
	snprintf(p->err + n, p->errlen - n, "%s", p->origin);
	/* The message quotes what it refuses: a newline or another control
	 * character in there must not break the one line. */
	for (char *c = p->err; *c; c++)
		if ((unsigned char)*c < 0x20 || *c == 0x7f)
			*c = '?';
	return false;
}

/* Option values point into copies the parser keeps until reset. */
static char **copies;
static size_t ncopies, capcopies;

static char *keep(char *s)
{
	if (ncopies == capcopies) {
		capcopies = capcopies ? capcopies * 2 : 16;
		copies = realloc(copies, sizeof *copies * capcopies);
	}
	copies[ncopies++] = s;
	return s;
}

void weft__options_reset(void)
{
	for (size_t i = 0; i < ncopies; i++)
		free(copies[i]);
	free(copies);
	copies = NULL;
	ncopies = capcopies = 0;
	weft__opts = defaults;
	free(weft__outputs.merge);
	memset(&weft__outputs, 0, sizeof weft__outputs);
}

/* ---- values ----------------------------------------------------------- */

static bool whole(struct parse *p, const char *flag, const char *v, long lo,
		  long hi, long *out)
{
	const char *d = v + (*v == '-');
	long long x;

	errno = 0;
	/* a leading zero could mean octal to the reader: refused */
	x = *d && strspn(d, "0123456789") == strlen(d) && (d[0] != '0' || !d[1])
		    ? strtoll(v, NULL, 10)
		    : (errno = EINVAL, 0);
	if (errno || x < lo || x > hi)
		return bad(p, "bad value '%s' for --%s (want a whole number "
			      "from %ld to %ld)", v, flag, lo, hi);
	*out = (long)x;
	return true;
}

/* Seconds: a plain decimal number ("2", "0.5"), or 0 / none for none. */
static bool seconds(struct parse *p, const char *flag, const char *v,
		    double *out)
{
	size_t digits = strspn(v, "0123456789");
	bool plain = digits && (!v[digits] || (v[digits] == '.' &&
				strspn(v + digits + 1, "0123456789") ==
					strlen(v + digits + 1)));
	double x = plain ? strtod(v, NULL) : -1;

	if (!strcmp(v, "none"))
		x = 0;
	if (!isfinite(x) || x < 0 || x > MAX_SECONDS)
		return bad(p, "bad value '%s' for --%s (want seconds, a decimal "
			      "number up to %.0f; 0 or none: no limit)",
			   v, flag, MAX_SECONDS);
	*out = x;
	return true;
}

/* "unbounded" or a whole number from -1. */
static bool bound(struct parse *p, const char *flag, const char *v, int *out)
{
	long x = -1;

	if (strcmp(v, "unbounded") && !whole(p, flag, v, -1, 1000, &x))
		return false;
	*out = (int)x;
	return true;
}

/* ---- the flags ---------------------------------------------------------- */

typedef bool (*setter)(struct parse *p, const char *flag, const char *v);

static bool set_strategy(struct parse *p, const char *f, const char *v)
{
	(void)f;
	if (!weft__strategy_get(v))
		return bad(p, "unknown strategy '%s' (want one of %s)", v,
			   weft__strategy_names());
	weft__opts.strategy = v;
	return true;
}

#define WHOLE(fn, field, type, lo, hi)                                        \
	static bool fn(struct parse *p, const char *f, const char *v)         \
	{                                                                     \
		long x;                                                       \
		if (!whole(p, f, v, lo, hi, &x))                              \
			return false;                                         \
		weft__opts.field = (type)x;                                   \
		return true;                                                  \
	}
WHOLE(set_iterations, iterations, long, 0, 1L << 50)
WHOLE(set_seed, seed, uint64_t, 0, 1L << 62)
WHOLE(set_depth, depth, int, 1, 16)
WHOLE(set_max_steps, max_steps, long, 10, 10000000)
WHOLE(set_spin_bound, spin_bound, int, 1, 1000000)
WHOLE(set_jobs, jobs, int, 1, 64)
WHOLE(set_stack_size, stack_size, long, 16384, 1L << 30)
WHOLE(set_split, split, long, 2, 1L << 20)
#undef WHOLE

static bool set_preemption(struct parse *p, const char *f, const char *v)
{
	return bound(p, f, v, &weft__opts.preemption_bound);
}

static bool set_fair(struct parse *p, const char *f, const char *v)
{
	return bound(p, f, v, &weft__opts.fair_bound);
}

static bool set_time(struct parse *p, const char *f, const char *v)
{
	return seconds(p, f, v, &weft__opts.time_limit);
}

/* --shard=K/N, K from 1 to N. */
static bool set_shard(struct parse *p, const char *f, const char *v)
{
	const char *slash = strchr(v, '/');
	char k[24];
	long x, n;

	if (!slash || slash == v || (size_t)(slash - v) >= sizeof k)
		return bad(p, "bad value '%s' for --%s (want K/N: part K of N, "
			      "from 1/N to N/N)", v, f);
	memcpy(k, v, (size_t)(slash - v));
	k[slash - v] = 0;
	if (!whole(p, f, slash + 1, 1, 4096, &n) || !whole(p, f, k, 1, n, &x))
		return false;
	weft__opts.shard = (int)x;
	weft__opts.nshards = (int)n;
	return true;
}

static bool set_merge(struct parse *p, const char *f, const char *v)
{
	(void)p;
	(void)f;
	weft__outputs.merge = realloc(weft__outputs.merge,
				      sizeof *weft__outputs.merge *
					      (size_t)(weft__outputs.nmerge + 1));
	weft__outputs.merge[weft__outputs.nmerge++] = v;
	return true;
}

static bool set_format(struct parse *p, const char *f, const char *v)
{
	(void)f;
	if (strcmp(v, "text") && strcmp(v, "json"))
		return bad(p, "bad value '%s' for --format (want text or json)",
			   v);
	weft__opts.json = !strcmp(v, "json");
	return true;
}

static bool set_leaks(struct parse *p, const char *f, const char *v)
{
	static const char *names[] = {
		[WEFT__LEAKS_UNREACHABLE] = "unreachable",
		[WEFT__LEAKS_ALL] = "all",
		[WEFT__LEAKS_OFF] = "off",
	};

	(void)f;
	for (int i = 0; i < 3; i++)
		if (!strcmp(v, names[i])) {
			weft__opts.leaks = i;
			return true;
		}
	return bad(p, "bad value '%s' for --leaks (want unreachable, all or "
		      "off)", v);
}

static bool set_volatile(struct parse *p, const char *f, const char *v)
{
	(void)f;
	if (strcmp(v, "plain") && strcmp(v, "marked"))
		return bad(p, "bad value '%s' for --volatile (want plain or "
			      "marked)", v);
	weft__opts.volatile_marked = !strcmp(v, "marked");
	return true;
}

#define STRING(fn, lvalue)                                                    \
	static bool fn(struct parse *p, const char *f, const char *v)         \
	{                                                                     \
		(void)p;                                                      \
		(void)f;                                                      \
		lvalue = v;                                                   \
		return true;                                                  \
	}
STRING(set_replay, weft__opts.replay)
STRING(set_filter, weft__opts.filter)
STRING(set_junit, weft__outputs.junit)
STRING(set_sarif, weft__outputs.sarif)
STRING(set_json_file, weft__outputs.json_file)
#undef STRING

#define SWITCH(fn, stmt)                                                      \
	static bool fn(struct parse *p, const char *f, const char *v)         \
	{                                                                     \
		(void)p;                                                      \
		(void)f;                                                      \
		(void)v;                                                      \
		stmt;                                                         \
		return true;                                                  \
	}
SWITCH(set_list, weft__opts.list = true)
SWITCH(set_verbose, weft__opts.verbose = true)
SWITCH(set_no_spurious, weft__opts.spurious = false)
SWITCH(set_quiet, weft__outputs.quiet = true)
SWITCH(set_help, p->cli->help = true)
SWITCH(set_version, p->cli->version = true)
#undef SWITCH

static const struct flag {
	const char *name;
	bool value;                /* takes =VALUE (else takes none) */
	setter set;
} flags[] = {
	{ "strategy", true, set_strategy },
	{ "iterations", true, set_iterations },
	{ "seed", true, set_seed },
	{ "depth", true, set_depth },
	{ "preemption-bound", true, set_preemption },
	{ "max-steps", true, set_max_steps },
	{ "fair-bound", true, set_fair },
	{ "spin-bound", true, set_spin_bound },
	{ "replay", true, set_replay },
	{ "filter", true, set_filter },
	{ "list", false, set_list },
	{ "jobs", true, set_jobs },
	{ "time-limit", true, set_time },
	{ "format", true, set_format },
	{ "json", true, set_json_file },
	{ "junit", true, set_junit },
	{ "sarif", true, set_sarif },
	{ "verbose", false, set_verbose },
	{ "quiet", false, set_quiet },
	{ "no-spurious", false, set_no_spurious },
	{ "stack-size", true, set_stack_size },
	{ "leaks", true, set_leaks },
	{ "volatile", true, set_volatile },
	{ "split", true, set_split },
	{ "shard", true, set_shard },
	{ "merge", true, set_merge },
	{ "help", false, set_help },
	{ "version", false, set_version },
};

/* Apply one "name" or "name=value" word (arg is the parser's own copy). */
static bool apply(struct parse *p, char *arg)
{
	char *eq = strchr(arg, '=');
	const char *val = eq ? eq + 1 : NULL;

	if (eq)
		*eq = 0;
	for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++) {
		const struct flag *f = &flags[i];
		if (strcmp(f->name, arg))
			continue;
		if (f->value && (!val || !*val))
			return bad(p, "--%s needs a value (--%s=VALUE)", arg,
				   arg);
		if (!f->value && val)
			return bad(p, "--%s takes no value", arg);
		return f->set(p, arg, val);
	}
	return bad(p, "unknown flag --%.100s (see --help)", arg);
}

/* ---- WEFT_OPTIONS ------------------------------------------------------ */

/* The next word of s from *pos, quotes removed the way sh removes them:
 * '...' keeps everything, "..." and bare text take \ as an escape.  Sets
 * *word to NULL at the end. */
static bool next_word(struct parse *p, const char *s, size_t *pos,
		      char **word)
{
	size_t i = *pos + strspn(s + *pos, " \t\n"), o = 0;
	char *w = keep(malloc(strlen(s + i) + 1)), q = 0;

	*word = NULL;
	if (!s[i])
		return true;
	for (; s[i] && (q || !strchr(" \t\n", s[i])); i++) {
		if (q == '\'' && s[i] != '\'')
			w[o++] = s[i];
		else if (s[i] == q || (!q && (s[i] == '\'' || s[i] == '"')))
			q = q ? 0 : s[i];
		else if (s[i] == '\\' && s[i + 1])
			w[o++] = s[++i];
		else
			w[o++] = s[i];
	}
	if (q)
		return bad(p, "unterminated %c quote", q);
	w[o] = 0;
	*pos = i;
	*word = w;
	return true;
}

static bool parse_env(struct parse *p, const char *env)
{
	size_t pos = 0;
	char *w;

	p->origin = " (in WEFT_OPTIONS)";
	for (;;) {
		if (!next_word(p, env, &pos, &w))
			return false;
		if (!w)
			return true;
		if (w[0] == '-' && w[1] == '-')
			w += 2;
		if (!apply(p, w))
			return false;
	}
}

bool weft__options_parse(struct weft__cli *cli, const char *env, int argc,
			 char **argv, char *err, size_t errlen)
{
	struct parse p = { cli, "", err, errlen };

	if (env && !parse_env(&p, env))
		return false;
	p.origin = "";
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (a[0] != '-' || a[1] != '-' || !a[2])
			return bad(&p, "unexpected argument '%.100s' (flags look "
				       "like --name=value; see --help)", a);
		if (!apply(&p, keep(strdup(a + 2))))
			return false;
	}
	if (weft__opts.replay)
		weft__opts.strategy = "replay";
	if (!strcmp(weft__opts.strategy, "replay") && !weft__opts.replay)
		return bad(&p, "--strategy=replay needs --replay=TOKEN");
	if (weft__opts.nshards && weft__strategy_get(weft__opts.strategy) &&
	    weft__strategy_get(weft__opts.strategy)->parts == WEFT__PARTS_NONE)
		return bad(&p, "--shard divides the search without a preemption "
			       "bound (auto, dfs, random or pct), not the bounded "
			       "dfs or a replay");
	return true;
}

void weft__parse_options(struct weft__cli *cli, int argc, char **argv)
{
	char err[512];

	if (!weft__options_parse(cli, getenv("WEFT_OPTIONS"), argc, argv, err,
				 sizeof err)) {
		fprintf(stderr, "weft: %s\n", err);
		exit(2);
	}
}
