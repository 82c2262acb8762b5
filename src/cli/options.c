/* src/cli/options.c - the command line of a test binary.
 *
 * Every flag may also come from the WEFT_OPTIONS environment variable
 * ("strategy=pct iterations=10000"), or from the command line of the weft
 * front end (`weft run --strategy=pct ./prog`, which passes them in
 * WEFT_RUN_OPTIONS, after WEFT_OPTIONS); flags on the command line win.  A bad
 * flag or value is a usage error: one line on stderr and exit status 2.
 * This file splits the words and applies them in order; the flags
 * themselves, and the values they take, are in flags.c. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "explore/explore.h"
#include "sched/run.h"
#define WEFT__OPTIONS_OWN /* its short names, options.h */
#include "options.h"

#define DEFAULTS                                                              \
	{                                                                     \
		.strategy = "auto", .iterations = 500000, .seed = 0x5eed,     \
		.depth = 3, .preemption_bound = -1, .max_steps = 20000,       \
		.jobs = 1, .time_limit = 60, .spurious = true,                \
		.stack_size = WEFT__DEFAULT_STACK_SIZE, .fair_bound = 1,      \
		.starve_bound = 0, .stale_bound = -1,                         \
		.spin_bound = WEFT__DEFAULT_SPIN_BOUND,                       \
	}
static const struct weft__opts defaults = DEFAULTS;
struct weft__opts weft__opts = DEFAULTS;
struct weft__outputs weft__outputs;

/* ---- parsing state ------------------------------------------------------ */

bool bad(struct weft__parse *p, const char *fmt, ...)
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

/* ---- WEFT_OPTIONS ------------------------------------------------------ */

/* The next word of s from *pos, quotes removed the way sh removes them:
 * '...' keeps everything, "..." and bare text take \ as an escape.  Sets
 * *word to NULL at the end. */
static bool next_word(struct weft__parse *p, const char *s, size_t *pos,
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

static bool parse_env(struct weft__parse *p, const char *env,
		      const char *origin)
{
	size_t pos = 0;
	char *w;

	p->origin = origin;
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
	return weft__options_parse_env(cli, env, NULL, NULL, argc, argv, err,
				       errlen);
}

bool weft__options_parse_env(struct weft__cli *cli, const char *env,
			     const char *front, const char *front_origin,
			     int argc, char **argv, char *err, size_t errlen)
{
	struct weft__parse p = { cli, "", err, errlen };

	if (env && !parse_env(&p, env, " (in WEFT_OPTIONS)"))
		return false;
	if (front && !parse_env(&p, front, front_origin))
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
	/* A merge runs nothing: as a shard, its full counts were taken for
	 * one shard's in a later merge (a probe of the command line). */
	if (weft__opts.nshards && weft__outputs.nmerge)
		return bad(&p, "--shard runs a part of the search; a merge "
			       "(--merge) combines parts and runs none");
	if (weft__opts.nshards && weft__strategy_get(weft__opts.strategy) &&
	    weft__strategy_get(weft__opts.strategy)->parts == WEFT__PARTS_NONE)
		return bad(&p, "--shard divides a search (auto, dfs, random "
			       "or pct), not a replay");
	return true;
}

/* The flags given to the weft front end (tools/weft), which passes them
 * apart from the user's own WEFT_OPTIONS, to be applied after them: an
 * error then names the command line they were typed on, where "(in
 * WEFT_OPTIONS)" sent a user of `weft run --races=on` to look for a
 * variable never set (a probe's finding). */
static const char *front_end(const char **origin)
{
	const char *run = getenv("WEFT_RUN_OPTIONS");
	const char *merge = getenv("WEFT_MERGE_OPTIONS");

	if (run) {
		*origin = " (on the weft run command line)";
		return run;
	}
	*origin = " (on the weft merge command line)";
	return merge;
}

/* WEFT_SPIN_STALL_MS, the spin watchdog's wait (src/detect/race_stall.c,
 * which reads it in the worker): a whole number of milliseconds, 1 or
 * more.  Anything else was ignored without a word (abc, -5: a probe). */
static bool stall_ms_ok(const char *e)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(e, &end, 10);
	return end != e && !*end && errno != ERANGE && v >= 1 &&
	       v <= 3600 * 1000 && *e >= '0' && *e <= '9';
}

void weft__parse_options(struct weft__cli *cli, int argc, char **argv)
{
	const char *restore = getenv("WEFT_RESTORE"), *origin;
	const char *stall = getenv("WEFT_SPIN_STALL_MS");
	const char *front = front_end(&origin);
	char err[512];

	if (!weft__options_parse_env(cli, getenv("WEFT_OPTIONS"), front,
				     origin, argc, argv, err, sizeof err)) {
		fprintf(stderr, "weft: %s\n", err);
		exit(2);
	}
	/* Read by the worker (src/sched/globals.c); checked here, where a
	 * bad value can still be a usage error. */
	if (restore && *restore && strcmp(restore, "copy") &&
	    weft__restore_checks(restore) == 0 && strcmp(restore, "status")) {
		fprintf(stderr,
			"weft: WEFT_RESTORE=%s: expected copy, check, check:N "
			"or status\n",
			restore);
		exit(2);
	}
	if (stall && *stall && !stall_ms_ok(stall)) {
		fprintf(stderr,
			"weft: WEFT_SPIN_STALL_MS=%.100s: expected a whole number "
			"of milliseconds from 1 to 3600000\n",
			stall);
		exit(2);
	}
}
