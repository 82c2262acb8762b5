/* src/cli/options.h - command-line parsing (see options.c and flags.c). */
#ifndef WEFT_OPTIONS_H
#define WEFT_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct weft__cli {
	bool help, version;
};

/* Where reports go besides stdout, and the progress switch: only the
 * parent reads these, so they stay out of weft__opts (internal.h), which
 * every subsystem sees. */
struct weft__outputs {
	bool quiet;             /* no progress line on stderr */
	const char *junit;      /* --junit=FILE */
	const char *sarif;      /* --sarif=FILE */
	const char *json_file;  /* --json=FILE: JSON Lines */
	const char **merge;     /* --merge=FILE (repeatable): combine the
				   shards' JSON results instead of running */
	int nmerge;
};
extern struct weft__outputs weft__outputs;

/* Parse WEFT_OPTIONS (env, may be NULL) and then argv[1..]; flags win.
 * Returns false with one line in err (no "weft: " prefix) on a bad flag
 * or value; never exits, so a fuzzer and unit tests can call it. */
bool weft__options_parse(struct weft__cli *cli, const char *env, int argc,
			 char **argv, char *err, size_t errlen);
/* The same with the weft front end's flags (front, may be NULL) between
 * the two, a bad one's message ending in front_origin. */
bool weft__options_parse_env(struct weft__cli *cli, const char *env,
			     const char *front, const char *front_origin,
			     int argc, char **argv, char *err, size_t errlen);
/* The same for the program: a bad flag prints one line, exits 2. */
void weft__parse_options(struct weft__cli *cli, int argc, char **argv);
/* Defaults back and the parser's copies freed (tests, fuzzing). */
void weft__options_reset(void);
void weft__usage(FILE *out, const char *argv0);

/* ---- the parser's two files (options.c splits words, flags.c applies
 * them) ------------------------------------------------------------------ */

/* One parse in progress: where a refusal's message goes, and where the
 * words came from, which the message names. */
struct weft__parse {
	struct weft__cli *cli;
	const char *origin;        /* "", " (in WEFT_OPTIONS)" or the
				      front end's command line */
	char *err;
	size_t errlen;
};
/* Refuse a word: the message, its origin appended, goes to p->err on one
 * line; returns false, for the caller to return in turn (options.c). */
bool weft__options_bad(struct weft__parse *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Apply one "name" or "name=value" word, arg being the parser's own copy,
 * which the flag's value may point into (flags.c). */
bool weft__options_apply(struct weft__parse *p, char *arg);

/* Short names for the parser's two files, which define WEFT__OPTIONS_OWN
 * before they include this header. */
#ifdef WEFT__OPTIONS_OWN
#define bad weft__options_bad
#define apply weft__options_apply
#endif

/* ---- running a test (jobs.c starts workers, worker.c runs them) --------- */

struct weft_test;
struct weft__shm;
struct weft__split_log;

/* The words the jobs of one test share (jobs.c maps a page of them), in
 * longs from the start, each on a cache line of its own: the execution
 * count that the jobs write was on the line of the stop word that every
 * job reads at every step, and moved between the processors with it. */
enum {
	WEFT__JOB_STOP = 0,      /* the lowest bug found (min_bug itself) */
	WEFT__JOB_TAKEOVER = 8,  /* the split search's takeover (split.c) */
	WEFT__JOB_USED = 16,     /* executions against the budget (loop.c) */
	WEFT__JOB_ABANDON = 24,  /* a job gave a deeper round up (loop.c) */
	WEFT__JOB_HELD = 32,     /* executions taken, not yet settled */
};

/* One worker's share of a test's exploration. */
struct weft__job_cfg {
	long first, stride;        /* random, pct: executions first,
				      first+stride, ... */
	volatile long *min_bug;    /* shared by the jobs of one test */
	long split;                /* width of the split search, 0 none */
	int shard, nshards;        /* this process's static share */
	int job, njobs;            /* this worker among the process's */
	struct weft__split_log *log;
	uint64_t *claims;          /* shared by the jobs: leaves taken */
	long nclaims;
	uint32_t *replay;          /* --replay: the decisions */
	long nreplay;
	const uint64_t *ctx;
	int nctx;
	/* A deeper round of the fairness bound (jobs.c): the bound of the
	 * round before (-1: the first round), the rounds' allowance, and
	 * the executions and seconds of the rounds before. */
	int deeper_from;
	long deepen_end, before;
	double secs_before;
};
/* Load the unwinder now, once per process (worker.c), not in a signal
 * handler.  Does not block. */
void weft__unwinder_prime(void);
_Noreturn void weft__worker_main(const struct weft_test *t,
				 struct weft__shm *S,
				 const struct weft__job_cfg *c);
/* The program behaved differently on a re-run with the same decisions
 * (the explorers find out): the worker stops with this message. */
_Noreturn void weft__nondeterminism(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
/* The test opened path (with dlopen's mode), a library of the program's
 * own that was not loaded before main: the worker stops here, and the
 * parent loads it and explores the test again (see preload in record.h). */
_Noreturn void weft__preload_restart(const char *path, int mode);
/* How one test's exploration divides (parts.c). */
struct weft__plan {
	int jobs;                  /* worker processes here */
	int shard, nshards;        /* this process's part (0-based) */
	long split;                /* exhaustive: width of the split, 0 none */
};
void weft__plan_test(struct weft__plan *P);
struct weft__split_log *weft__split_log_create(void);
/* The jobs' shared claims on leaves: *n bits, zeroed. */
uint64_t *weft__claims_create(long *n);
/* The result of n jobs as one: the most telling outcome, with the counts
 * added up (to the bug, for a split search; exact is false when a job's
 * leaf log overflowed).  Returns the job's record that holds it. */
struct weft__shm *weft__jobs_merge(struct weft__shm **S,
				   struct weft__split_log **logs, int n,
				   bool split, bool *exact);
struct weft__verdict;
/* Widen v's bounds to a part's (parts.c): a verdict of parts rests on
 * the loosest bound any part's search cut at; -1, a bound that never cut,
 * widens nothing.  Used by jobs and by the merge of shards' files. */
void weft__bounds_widen(struct weft__verdict *v, int bound, int fair,
			long starve, long stale);
/* Whether a command-line word names one of weft's flags (flags.c): main
 * mode warns that the program, not weft, receives it. */
bool weft__names_flag(const char *word);
/* What __wrap_main (src/wrap_main.c, linked into the program) calls: run
 * the registered WEFT_TESTs, or else the program's own main in main mode
 * (run.c). */
int weft__entry(int argc, char **argv, int (*real_main)(int, char **));
/* The executable's destructors (its .fini_array, which only code linked
 * into it can name), run by exit() in main mode (src/pthread/main.c; a
 * build without the pthread layer has none, and __wrap_main skips it). */
void weft__program_fini(void (*const *start)(void), void (*const *end)(void));
/* The program's constructors run before main, and so before weft: one
 * that crashes or calls exit() is one line from weft and exit status 2
 * (premain.c).  __wrap_main's constructor arms it, weft__entry disarms
 * it. */
void weft__premain_guard(void);
void weft__premain_disarm(void);
/* Explore test t as the options ask (jobs.c); NULL after an error line. */
struct weft__shm *weft__explore_test(const struct weft_test *t);
/* --merge (merge.c): read the files (false after an error line), then
 * report one test from them: 0, 1, 3 as a run would, 2 on an error, -1
 * when the files hold nothing for it. */
bool weft__merge_load(void);
int weft__merge_test(const struct weft_test *t, const char *argv0);

#endif
