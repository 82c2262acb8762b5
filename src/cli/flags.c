/* src/cli/flags.c - the flags of a test binary's command line (options.c
 * splits it into words): their names, and what each sets once its value
 * is checked.  Numbers are decimal and checked against their range:
 * "010", "0x10", "inf", "nan" or "1e999" are errors, never silently
 * something else. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "explore/explore.h"
#define WEFT__OPTIONS_OWN /* its short names, options.h */
#include "options.h"

/* The longest time limit: about 115 days, far below what the parent's
 * timers can count. */
#define MAX_SECONDS 1e7

/* ---- values ----------------------------------------------------------- */

static bool whole(struct weft__parse *p, const char *flag, const char *v,
		  long lo, long hi, long *out)
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
static bool seconds(struct weft__parse *p, const char *flag, const char *v,
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
static bool bound(struct weft__parse *p, const char *flag, const char *v,
		  int *out)
{
	long x = -1;

	if (strcmp(v, "unbounded") && !whole(p, flag, v, -1, 1000, &x))
		return false;
	*out = (int)x;
	return true;
}

/* ---- the flags ---------------------------------------------------------- */

typedef bool (*setter)(struct weft__parse *p, const char *flag, const char *v);

static bool set_strategy(struct weft__parse *p, const char *f, const char *v)
{
	(void)f;
	if (!weft__strategy_get(v))
		return bad(p, "unknown strategy '%s' (want one of %s)", v,
			   weft__strategy_names());
	weft__opts.strategy = v;
	return true;
}

#define WHOLE(fn, field, type, lo, hi)                                        \
	static bool fn(struct weft__parse *p, const char *f, const char *v)   \
	{                                                                     \
		long x = 0;                                                   \
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
WHOLE(set_starve_number, starve_bound, long, 0, 10000000)
WHOLE(set_jobs, jobs, int, 1, 64)
WHOLE(set_stack_size, stack_size, long, 16384, 1L << 30)
WHOLE(set_split, split, long, 2, 1L << 20)
#undef WHOLE

static bool set_preemption(struct weft__parse *p, const char *f, const char *v)
{
	return bound(p, f, v, &weft__opts.preemption_bound);
}

static bool set_starve_bound(struct weft__parse *p, const char *f,
			     const char *v)
{
	weft__opts.starve_bound_set = true;
	return set_starve_number(p, f, v);
}

static bool set_fair(struct weft__parse *p, const char *f, const char *v)
{
	weft__opts.fair_bound_set = true;
	return bound(p, f, v, &weft__opts.fair_bound);
}

static bool set_stale(struct weft__parse *p, const char *f, const char *v)
{
	return bound(p, f, v, &weft__opts.stale_bound);
}

static bool set_time(struct weft__parse *p, const char *f, const char *v)
{
	return seconds(p, f, v, &weft__opts.time_limit);
}

/* --shard=K/N, K from 1 to N. */
static bool set_shard(struct weft__parse *p, const char *f, const char *v)
{
	const char *slash = strchr(v, '/');
	char k[24];
	long x, n;

	/* Either part wrong names the whole value: --shard=a/b was said to
	 * be wrong in 'b', N being read first (a probe). */
	if (!slash || slash == v || (size_t)(slash - v) >= sizeof k)
		return bad(p, "bad value '%s' for --%s (want K/N: part K of N, "
			      "from 1/N to N/N)", v, f);
	memcpy(k, v, (size_t)(slash - v));
	k[slash - v] = 0;
	if (!whole(p, f, k, 1, 4096, &x) || !whole(p, f, slash + 1, 1, 4096, &n) ||
	    x > n)
		return bad(p, "bad value '%s' for --%s (want K/N: part K of N, "
			      "from 1/N to N/N, N at most 4096)", v, f);
	weft__opts.shard = (int)x;
	weft__opts.nshards = (int)n;
	return true;
}

static bool set_merge(struct weft__parse *p, const char *f, const char *v)
{
	(void)p;
	(void)f;
	weft__outputs.merge = realloc(weft__outputs.merge,
				      sizeof *weft__outputs.merge *
					      (size_t)(weft__outputs.nmerge + 1));
	weft__outputs.merge[weft__outputs.nmerge++] = v;
	return true;
}

static bool set_leaks(struct weft__parse *p, const char *f, const char *v)
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

/* A flag whose value is one of two words (flag f): *on says whether it is
 * the second. */
static bool two_words(struct weft__parse *p, const char *f, const char *v,
		      const char *w0, const char *w1, bool *on)
{
	if (strcmp(v, w0) && strcmp(v, w1))
		return bad(p, "bad value '%s' for --%s (want %s or %s)", v, f,
			   w0, w1);
	*on = !strcmp(v, w1);
	return true;
}

#define TWO_WORDS(fn, w0, w1, lvalue)                                         \
	static bool fn(struct weft__parse *p, const char *f, const char *v)   \
	{                                                                     \
		return two_words(p, f, v, w0, w1, &lvalue);                   \
	}
TWO_WORDS(set_format, "text", "json", weft__opts.json)
TWO_WORDS(set_exit_status, "zero", "any", weft__opts.exit_any)
TWO_WORDS(set_races, "bug", "off", weft__opts.races_off)
TWO_WORDS(set_deadlocks, "bug", "off", weft__opts.deadlocks_off)
TWO_WORDS(set_alloc_fail, "nowait", "none", weft__opts.alloc_fail_off)
#undef TWO_WORDS

/* --volatile: remembered as given, for the replay command (a kernel-style
 * program marks its volatiles itself, and its replay does again). */
static bool set_volatile(struct weft__parse *p, const char *f, const char *v)
{
	if (!two_words(p, f, v, "plain", "marked", &weft__opts.volatile_marked))
		return false;
	weft__opts.volatile_given = true;
	return true;
}

#define STRING(fn, lvalue)                                                    \
	static bool fn(struct weft__parse *p, const char *f, const char *v)   \
	{                                                                     \
		(void)p;                                                      \
		(void)f;                                                      \
		lvalue = v;                                                   \
		return true;                                                  \
	}
STRING(set_replay, weft__opts.replay)
STRING(set_filter, weft__opts.filter)
#undef STRING

/* A report file named twice: the first was dropped without a word (a
 * probe's --json=a --json=b wrote b only). */
#define OUT_FILE(fn, lvalue)                                                  \
	static bool fn(struct weft__parse *p, const char *f, const char *v)   \
	{                                                                     \
		if (lvalue && strcmp(lvalue, v))                              \
			return bad(p, "--%s given twice (%s and %s)", f,      \
				   lvalue, v);                                \
		lvalue = v;                                                   \
		return true;                                                  \
	}
OUT_FILE(set_junit, weft__outputs.junit)
OUT_FILE(set_sarif, weft__outputs.sarif)
OUT_FILE(set_json_file, weft__outputs.json_file)
#undef OUT_FILE

#define SWITCH(fn, stmt)                                                      \
	static bool fn(struct weft__parse *p, const char *f, const char *v)   \
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
	{ "starve-bound", true, set_starve_bound },
	{ "stale-bound", true, set_stale },
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
	{ "exit-status", true, set_exit_status },
	{ "races", true, set_races },
	{ "deadlocks", true, set_deadlocks },
	{ "alloc-fail", true, set_alloc_fail },
	{ "split", true, set_split },
	{ "shard", true, set_shard },
	{ "merge", true, set_merge },
	{ "help", false, set_help },
	{ "version", false, set_version },
};

/* Whether word ("--name" or "--name=value") names one of weft's flags. */
bool weft__names_flag(const char *word)
{
	size_t n;

	if (strncmp(word, "--", 2) != 0)
		return false;
	word += 2;
	n = strcspn(word, "=");
	for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++)
		if (strlen(flags[i].name) == n && !strncmp(flags[i].name, word, n))
			return true;
	return false;
}

/* Apply one "name" or "name=value" word (arg is the parser's own copy). */
bool apply(struct weft__parse *p, char *arg)
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
