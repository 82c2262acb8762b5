/* src/cli/run.c - running the tests: one forked worker (or several, with
 * --jobs) per test, watched with a time limit, then the report.
 *
 * The parent never runs test code, so nothing a test does can take it
 * down: a crashed worker's schedule is in the shared record, a hung one is
 * killed after the time limit and reported with the schedule it had
 * reached. */
#include <errno.h>
#include <fnmatch.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
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

struct job {
	pid_t pid;
	int fd;                    /* read end: EOF when the worker exits */
	struct weft__shm *S;
	struct weft__marks *marks; /* what the worker's reports refer to */
	int status;
	bool done, killed;
};

static void start_job(struct job *j, const struct weft_test *t,
		      const struct weft__job_cfg *c)
{
	int p[2];

	if (pipe(p) != 0)
		weft__die("pipe failed");
	memset(j->S, 0, sizeof *j->S);
	j->S->cap = weft__opts.max_steps * 2 + 64;
	j->S->bound = -1;
	j->S->fair_bound = -1;
	weft__marks_clear(j->marks);
	weft__marks_use(j->marks);
	fflush(NULL);
	j->pid = fork();
	if (j->pid < 0)
		weft__die("fork failed");
	if (j->pid == 0) {
		close(p[0]);
		weft__worker_main(t, j->S, c);
	}
	close(p[1]);
	j->fd = p[0];
	j->done = j->killed = false;
}

/* Milliseconds to wait in poll: until the hard limit (5 s past the time
 * limit), in slices short enough for the progress line. */
static int poll_ms(double t0)
{
	double left;

	if (weft__opts.time_limit <= 0)
		return 250;
	left = weft__opts.time_limit + 5 - (weft__now() - t0);
	return left <= 0 ? 0 : left < 0.25 ? (int)(left * 1000) + 1 : 250;
}

/* Wait for every job; kill those still running 5 s past the time limit. */
static void wait_jobs(struct job *jobs, int n)
{
	double t0 = weft__now();
	struct weft__shm *S[64];
	int left = n;

	for (int i = 0; i < n; i++)
		S[i] = jobs[i].S;
	while (left) {
		struct pollfd pf[64];
		int idx[64], k = 0;
		for (int i = 0; i < n; i++)
			if (!jobs[i].done) {
				pf[k].fd = jobs[i].fd;
				pf[k].events = POLLIN;
				idx[k++] = i;
			}
		int ms = poll_ms(t0);
		int r = poll(pf, (nfds_t)k, ms);
		if (r < 0 && errno == EINTR)
			continue;
		bool hard = r == 0 && ms == 0;
		if (r == 0 && !hard) {
			weft__progress_tick(S, n);
			continue;
		}
		for (int i = 0; i < k; i++) {
			struct job *j = &jobs[idx[i]];
			if (hard) {
				kill(j->pid, SIGKILL);
				j->killed = true;
			} else if (!(pf[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			waitpid(j->pid, &j->status, 0);
			close(j->fd);
			j->done = true;
			left--;
		}
	}
}

/* Interpret how a worker ended (src/report/ending.c). */
static void settle(struct job *j)
{
	weft__report_ending(j->S, j->status, j->killed);
}

static struct weft__shm *shms[64];
static struct weft__marks *marks[64];
static struct weft__split_log *logs[64];
static uint64_t *claims;
static long nclaims;

/* Explore test t in the parts the options ask for; returns the record of
 * the result (counts added up), or NULL after an error line. */
struct weft__shm *weft__explore_test(const struct weft_test *t)
{
	struct weft__plan P;
	struct job jobs[64];
	struct weft__job_cfg cfg[64];
	struct weft__shm *S[64];
	uint32_t *replay = NULL;
	uint64_t *ctx = NULL;
	int nctx = 0;
	long nreplay = 0;
	volatile long *min_bug = NULL;
	const char *err = NULL;
	bool exact;

	weft__plan_test(&P);
	if (weft__opts.replay &&
	    (nreplay = weft__token_decode(t->name, weft__opts.replay, &replay,
					  &ctx, &nctx, &err)) < 0)
		weft__die("token checked before the run fails: %s", err);
	if (P.jobs > 1) {
		min_bug = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
			       MAP_SHARED | MAP_ANONYMOUS, -1, 0);
		*min_bug = 1L << 60;
		min_bug[1] = 0; /* the split search's takeover (odpor_split.c) */
		min_bug[2] = 0; /* its executions against the budget (loop.c) */
	}
	if (P.split && P.jobs > 1) {
		if (!claims)
			claims = weft__claims_create(&nclaims);
		memset(claims, 0, (size_t)nclaims / 8);
	}
	weft__progress_start(t);
	for (int i = 0; i < P.jobs; i++) {
		if (!shms[i]) {
			shms[i] = weft__shm_create(weft__opts.max_steps * 2 + 64);
			marks[i] = weft__marks_create();
		}
		if (P.split && P.jobs > 1 && !logs[i])
			logs[i] = weft__split_log_create();
		if (logs[i])
			logs[i]->n = 0, logs[i]->overflow = false;
		cfg[i] = (struct weft__job_cfg){
			.first = P.shard * P.jobs + i,
			.stride = P.nshards * P.jobs,
			.min_bug = min_bug, .split = P.split,
			.shard = P.shard, .nshards = P.nshards,
			.job = i, .njobs = P.jobs,
			.log = P.split && P.jobs > 1 ? logs[i] : NULL,
			.claims = P.split && P.jobs > 1 ? claims : NULL,
			.nclaims = nclaims,
			.replay = replay, .nreplay = nreplay,
			.ctx = ctx, .nctx = nctx,
		};
		jobs[i].S = S[i] = shms[i];
		jobs[i].marks = marks[i];
		start_job(&jobs[i], t, &cfg[i]);
	}
	wait_jobs(jobs, P.jobs);
	weft__progress_end();
	free(replay);
	free(ctx);
	if (min_bug)
		munmap((void *)min_bug, 4096);
	for (int i = 0; i < P.jobs; i++) {
		settle(&jobs[i]);
		if (!strcmp(jobs[i].S->kind, WEFT__K(NONDETERMINISM))) {
			fprintf(stderr, "weft: test %s: %s\n", t->name,
				jobs[i].S->message);
			weft__results_add_error(t->name, jobs[i].S->message);
			return NULL;
		}
	}
	struct weft__shm *W = weft__jobs_merge(S, logs, P.jobs, P.split > 0,
					       &exact);
	for (int i = 0; i < P.jobs; i++)
		if (S[i] == W)
			weft__marks_use(jobs[i].marks);
	W->split = P.split;
	W->parts_exact = exact;
	return W;
}

/* Run one test; returns 0 (no bug), 1 (bug), 2 (error), 3 (inconclusive). */
static int run_test(const struct weft_test *t, const char *argv0)
{
	struct weft__shm *S = weft__explore_test(t);

	if (!S)
		return 2;
	weft__report_test(t, S, argv0);
	return S->verdict == VERDICT_BUG	    ? 1
	       : S->verdict == VERDICT_INCONCLUSIVE ? 3
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
	uint32_t *d;
	uint64_t *c;
	int nc;
	long n = weft__token_decode(t->name, weft__opts.replay, &d, &c, &nc,
				    err);

	free(d);
	free(c);
	return n >= 0;
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
int weft__entry(int argc, char **argv, int (*real_main)(int, char **))
{
	if (!registered && real_main) {
		weft__pt_stdin_prepare();
		weft__report_main_args(argc, argv);
		return weft__main_mode(argc, argv, real_main);
	}
	if (!registered) {
		fprintf(stderr, "weft: the program defines no tests\n");
		return 2;
	}
	return weft__run_tests(registered, argc, argv);
}
