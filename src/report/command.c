/* src/report/command.c - the command a report prints to replay a bug.
 *
 * It must reproduce the bug when pasted into a shell in the directory the
 * report was printed in.  A test binary takes weft's flags on its command
 * line; a program running its own main (main mode) owns its command line,
 * so weft's flags travel in WEFT_OPTIONS and the program's own arguments
 * follow, quoted for sh.  Options that change how an execution unfolds
 * (not only how it is searched) go along, so the replay sees the same
 * limits. */
#include <stdlib.h>
#include <string.h>

#include "report.h"

static int main_argc = -1;
static char **main_argv;

void weft__report_main_args(int argc, char **argv)
{
	main_argc = argc;
	main_argv = calloc((size_t)(argc > 0 ? argc : 1), sizeof *main_argv);
	for (int i = 0; i < argc; i++)
		main_argv[i] = strdup(argv[i] ? argv[i] : "");
}

bool weft__main_mode_active(void)
{
	return main_argc >= 0;
}

char *weft__shell_quote(const char *s)
{
	static const char safe[] = "abcdefghijklmnopqrstuvwxyz"
				   "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
				   "_@%+=:,./-";
	size_t n = strlen(s), o = 0;
	char *q;

	if (n && strspn(s, safe) == n)
		return strdup(s);
	q = malloc(4 * n + 3);
	q[o++] = '\'';
	for (const char *p = s; *p; p++) {
		if (*p == '\'') {
			memcpy(q + o, "'\\''", 4); /* close, \', reopen */
			o += 4;
		} else {
			q[o++] = *p;
		}
	}
	q[o++] = '\'';
	q[o] = 0;
	return q;
}

/* A growing string. */
struct buf {
	char *s;
	size_t len, cap;
};

static void put(struct buf *b, const char *s)
{
	size_t n = strlen(s);

	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = realloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, s, n + 1);
	b->len += n;
}

static void put_quoted(struct buf *b, const char *s)
{
	char *q = weft__shell_quote(s);

	put(b, q);
	free(q);
}

/* The --starve-bound the reported search ran with: the user's, or the
 * one it turned on itself (explore/loop.c), which the replay of a token
 * printed after that needs as well (it said "pass", having run without
 * it: a review's probe). */
static long starve_bound(void)
{
	const struct weft__verdict *V = weft__reported ? &weft__reported->v
						       : NULL;

	if (weft__opts.starve_bound || !V)
		return weft__opts.starve_bound;
	for (int i = 0; i < V->nnotes; i++)
		if (V->note_keys[i] == WEFT__AUTO_STARVE_NOTE)
			return WEFT__AUTO_STARVE;
	return 0;
}

/* The options, besides the token, that the replay must share with the
 * recorded run: those that change an execution (limits, stack size,
 * spurious wakeups, the loads that may read an older store, fairness)
 * or what counts as a bug, when they differ from the defaults.  Each word is
 * written as "NAME=VALUE" with sep before it. */
static void put_execution_options(struct buf *b, const char *sep)
{
	char w[64];

	if (weft__opts.max_steps != 20000) {
		snprintf(w, sizeof w, "%smax-steps=%ld", sep,
			 weft__opts.max_steps);
		put(b, w);
	}
	if (weft__opts.spin_bound != WEFT__DEFAULT_SPIN_BOUND) {
		snprintf(w, sizeof w, "%sspin-bound=%d", sep,
			 weft__opts.spin_bound);
		put(b, w);
	}
	if (weft__opts.stack_size != WEFT__DEFAULT_STACK_SIZE) {
		snprintf(w, sizeof w, "%sstack-size=%ld", sep,
			 weft__opts.stack_size);
		put(b, w);
	}
	if (weft__opts.stale_bound >= 0) {
		snprintf(w, sizeof w, "%sstale-bound=%d", sep,
			 weft__opts.stale_bound);
		put(b, w);
	}
	if (!weft__opts.spurious) {
		snprintf(w, sizeof w, "%sno-spurious", sep);
		put(b, w);
	}
	if (starve_bound()) {
		snprintf(w, sizeof w, "%sstarve-bound=%ld", sep,
			 starve_bound());
		put(b, w);
	}
	/* And those that decide what is a bug: without them the replay of
	 * a leak found with leaks=all was a pass, and that of a race found
	 * with volatile=marked another race (a probe of awkward programs). */
	if (weft__opts.leaks != WEFT__LEAKS_UNREACHABLE) {
		snprintf(w, sizeof w, "%sleaks=%s", sep,
			 weft__opts.leaks == WEFT__LEAKS_ALL ? "all" : "off");
		put(b, w);
	}
	if (weft__opts.volatile_given) {
		snprintf(w, sizeof w, "%svolatile=%s", sep,
			 weft__opts.volatile_marked ? "marked" : "plain");
		put(b, w);
	}
	if (weft__opts.exit_any) {
		snprintf(w, sizeof w, "%sexit-status=any", sep);
		put(b, w);
	}
	if (weft__opts.races_off) {
		snprintf(w, sizeof w, "%sraces=off", sep);
		put(b, w);
	}
	if (weft__opts.deadlocks_off) {
		snprintf(w, sizeof w, "%sdeadlocks=off", sep);
		put(b, w);
	}
	/* Which allocations may fail changes the executions' choices: a
	 * token of --alloc-fail=none replayed by default would take a
	 * choice for the allocation's success that the token has not. */
	if (weft__opts.alloc_fail_off) {
		snprintf(w, sizeof w, "%salloc-fail=none", sep);
		put(b, w);
	}
}

char *weft__replay_command(const struct weft_test *t, const char *argv0,
			   const char *tok)
{
	struct buf b = { 0 };

	put(&b, "");
	if (weft__main_mode_active()) {
		/* The token and the option words need no quoting inside the
		 * single quotes: base64url, names and numbers. */
		put(&b, "WEFT_OPTIONS='replay=");
		put(&b, tok);
		put_execution_options(&b, " ");
		put(&b, "' ");
		put_quoted(&b, argv0);
		for (int i = 1; i < main_argc; i++) {
			put(&b, " ");
			put_quoted(&b, main_argv[i]);
		}
		return b.s;
	}
	put_quoted(&b, argv0);
	put(&b, " --filter=");
	put_quoted(&b, t->name);
	put(&b, " --replay=");
	put(&b, tok);
	put_execution_options(&b, " --");
	return b.s;
}

/* The program and, in main mode, its own arguments, quoted for sh: what
 * `weft merge` runs to report the shards' results. */
char *weft__program_command(const char *argv0)
{
	struct buf b = { 0 };

	put(&b, "");
	put_quoted(&b, argv0);
	for (int i = 1; weft__main_mode_active() && i < main_argc; i++) {
		put(&b, " ");
		put_quoted(&b, main_argv[i]);
	}
	return b.s;
}
