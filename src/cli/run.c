/* src/cli/run.c - running the tests: one forked worker (or several, with
 * --jobs) per test, watched with a time limit, then the report.
 *
 * The parent never runs test code, so nothing a test does can take it
 * down: a crashed worker's schedule is in the shared record, a hung one is
 * killed after the time limit and reported with the schedule it had
 * reached. */
#include <fnmatch.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sched/sched.h"
#include "options.h"

_Noreturn void weft__worker_main(const struct weft_test *t,
				 struct weft__shm *S, long first, long stride,
				 volatile long *min_bug, uint32_t *replay,
				 long nreplay, const uint64_t *ctx, int nctx);
void weft__crash_to_bug(struct weft__shm *S);

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
	int status;
	bool done, killed;
};

static void start_job(struct job *j, const struct weft_test *t, long first,
		      long stride, volatile long *min_bug, uint32_t *replay,
		      long nreplay, const uint64_t *ctx, int nctx)
{
	int p[2];

	if (pipe(p) != 0)
		weft__die("pipe failed");
	memset(j->S, 0, sizeof *j->S);
	j->S->cap = weft__opts.max_steps * 2 + 64;
	j->S->bound = -1;
	j->S->fair_bound = -1;
	fflush(NULL);
	j->pid = fork();
	if (j->pid < 0)
		weft__die("fork failed");
	if (j->pid == 0) {
		close(p[0]);
		weft__worker_main(t, j->S, first, stride, min_bug, replay,
				  nreplay, ctx, nctx);
	}
	close(p[1]);
	j->fd = p[0];
	j->done = j->killed = false;
}

/* Wait for every job; kill those still running 5 s past the time limit. */
static void wait_jobs(struct job *jobs, int n)
{
	double t0 = weft__now(), hard = weft__opts.time_limit + 5;
	int left = n;

	while (left) {
		struct pollfd pf[64];
		int idx[64], k = 0;
		for (int i = 0; i < n; i++)
			if (!jobs[i].done) {
				pf[k].fd = jobs[i].fd;
				pf[k].events = POLLIN;
				idx[k++] = i;
			}
		int ms = weft__opts.time_limit > 0
				 ? (int)((hard - (weft__now() - t0)) * 1000) + 1
				 : -1;
		if (ms < 0 && weft__opts.time_limit > 0)
			ms = 0;
		int r = poll(pf, (nfds_t)k, ms);
		if (r == 0) {
			for (int i = 0; i < k; i++) {
				kill(jobs[idx[i]].pid, SIGKILL);
				jobs[idx[i]].killed = true;
			}
		}
		for (int i = 0; i < k; i++) {
			struct job *j = &jobs[idx[i]];
			if (r > 0 && !(pf[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			if (r == 0 || pf[i].revents) {
				waitpid(j->pid, &j->status, 0);
				close(j->fd);
				j->done = true;
				left--;
			}
		}
	}
}

/* Interpret how a worker ended. */
static void settle(struct job *j)
{
	struct weft__shm *S = j->S;

	if (S->state == SHM_CRASHED) {
		weft__crash_to_bug(S);
		S->executions++;
		return;
	}
	if (j->killed) {
		/* A hang is not shown to be a bug: the code may run a long
		 * loop without a scheduling point, or call something weft
		 * cannot control. */
		S->verdict = VERDICT_INCONCLUSIVE;
		snprintf(S->reason, sizeof S->reason, "time-limit");
		snprintf(S->message, sizeof S->message,
			 "execution %ld reached no scheduling point for %.0f s: "
			 "a long loop without one, or a call weft cannot "
			 "control (blocking I/O, another process)",
			 S->executions + S->pruned + S->redundant + 1,
			 weft__opts.time_limit + 5);
		S->bug_exec = S->executions + S->pruned + S->redundant;
		return;
	}
	if (S->state != SHM_DONE && WIFEXITED(j->status) &&
	    WEXITSTATUS(j->status) == 3 && !strcmp(S->kind, "internal")) {
		/* weft__die in the worker: weft's own failure. */
		S->verdict = VERDICT_INCONCLUSIVE;
		snprintf(S->reason, sizeof S->reason, "internal");
		S->bug_exec = S->executions + S->pruned + S->redundant;
		return;
	}
	if (S->state != SHM_DONE) {
		S->verdict = VERDICT_BUG;
		snprintf(S->kind, sizeof S->kind, "crash");
		snprintf(S->message, sizeof S->message,
			 "the test process exited (status %d) in the middle of "
			 "an execution",
			 WIFEXITED(j->status) ? WEXITSTATUS(j->status) : -1);
		S->bug_exec = S->executions + S->pruned;
		S->executions++;
	}
}

static struct weft__shm *shms[64];

/* Run one test; returns 0 (no bug), 1 (bug) or 2 (error). */
static int run_test(const struct weft_test *t, const char *argv0)
{
	int njobs = weft__opts.jobs, best = -1;
	bool parallel = njobs > 1 && (!strcmp(weft__opts.strategy, "random") ||
				      !strcmp(weft__opts.strategy, "pct"));
	struct job jobs[64];
	uint32_t *replay = NULL;
	uint64_t *ctx = NULL;
	int nctx = 0;
	long nreplay = 0;
	volatile long *min_bug = NULL;

	if (weft__opts.replay) {
		const char *err = NULL;
		nreplay = weft__token_decode(t->name, weft__opts.replay, &replay,
					     &ctx, &nctx, &err);
		if (nreplay < 0) {
			fprintf(stderr, "weft: bad replay token for test %s: %s\n",
				t->name, err);
			return 2;
		}
	}
	if (!parallel)
		njobs = 1;
	if (parallel) {
		min_bug = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
			       MAP_SHARED | MAP_ANONYMOUS, -1, 0);
		*min_bug = 1L << 60;
	}
	for (int i = 0; i < njobs; i++) {
		if (!shms[i])
			shms[i] = weft__shm_create(weft__opts.max_steps * 2 + 64);
		jobs[i].S = shms[i];
		start_job(&jobs[i], t, i, njobs, min_bug, replay, nreplay, ctx,
			  nctx);
	}
	wait_jobs(jobs, njobs);
	free(replay);
	free(ctx);
	long execs = 0, pruned = 0, redundant = 0;
	for (int i = 0; i < njobs; i++) {
		settle(&jobs[i]);
		execs += jobs[i].S->executions;
		pruned += jobs[i].S->pruned;
		redundant += jobs[i].S->redundant;
		if (jobs[i].S->kind[0] &&
		    !strcmp(jobs[i].S->kind, "nondeterminism")) {
			fprintf(stderr, "weft: test %s: %s\n", t->name,
				jobs[i].S->message);
			return 2;
		}
		if (best < 0 ||
		    (jobs[i].S->verdict == VERDICT_BUG &&
		     (shms[best]->verdict != VERDICT_BUG ||
		      jobs[i].S->bug_exec < shms[best]->bug_exec)) ||
		    (jobs[i].S->verdict == VERDICT_INCONCLUSIVE &&
		     shms[best]->verdict != VERDICT_BUG &&
		     shms[best]->verdict != VERDICT_INCONCLUSIVE))
			best = i;
	}
	struct weft__shm *S = shms[best];
	S->executions = execs;
	S->pruned = pruned;
	S->redundant = redundant;
	if (min_bug)
		munmap((void *)min_bug, 4096);
	if (weft__opts.json)
		weft__report_json(stdout, t, S, argv0);
	else
		weft__report_text(stdout, t, S, argv0);
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

int weft__run_tests(struct weft_test *list, int argc, char **argv)
{
	struct weft__cli cli = { 0 };
	int status = 0, ran = 0;

	weft__parse_options(&cli, argc, argv);
	if (cli.help) {
		weft__usage(stdout, argv[0]);
		return 0;
	}
	if (cli.version) {
		printf("weft %s\n", WEFT_VERSION);
		return 0;
	}
	weft__symbols_load();
	for (struct weft_test *t = list; t; t = t->next) {
		if (weft__opts.filter && fnmatch(weft__opts.filter, t->name, 0))
			continue;
		ran++;
		if (weft__opts.list) {
			printf("%s\n", t->name);
			continue;
		}
		int r = run_test(t, argv[0]);
		if (severity(r) > severity(status))
			status = r;
	}
	if (!ran && weft__opts.filter) {
		fprintf(stderr, "weft: no test matches --filter=%s\n",
			weft__opts.filter);
		return 2;
	}
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

/* Called by the __wrap_main linked into every program (main.c). */
int weft__entry(int argc, char **argv, int (*real_main)(int, char **))
{
	if (!registered && real_main)
		return weft__main_mode(argc, argv, real_main);
	if (!registered) {
		fprintf(stderr, "weft: the program defines no tests\n");
		return 2;
	}
	return weft__run_tests(registered, argc, argv);
}
