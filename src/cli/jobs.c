/* src/cli/jobs.c - exploring one test: one forked worker (or several,
 * with --jobs) for its part of the search, watched with a time limit, and
 * their results taken as one.
 *
 * The parent never runs test code, so nothing a test does can take it
 * down: a crashed worker's schedule is in the shared record, a hung one is
 * killed after the time limit and reported with the schedule it had
 * reached. */
#include <dlfcn.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "explore/explore.h"
#include "report/report.h"
#include "options.h"

struct job {
	pid_t pid;
	int fd;                    /* read end: EOF when the worker exits */
	struct weft__shm *S;
	struct weft__marks *marks; /* what the worker's reports refer to */
	int status;
	bool done, killed;
	double t0, t1;             /* started, and seen ended */
	long seen;                 /* its executions and steps, last seen */
	double seen_at;            /* when they last moved */
	double hung;               /* killed: seconds it had not moved */
};

/* fresh: j->S was just mapped, all zero but its trace's capacity (the
 * record is 1.1 MB: clearing a fresh one wrote every page of it, a third
 * of the processor time of a short run such as a replay). */
static void start_job(struct job *j, const struct weft_test *t,
		      const struct weft__job_cfg *c, bool fresh)
{
	int p[2];
	pid_t parent;

	if (pipe(p) != 0)
		weft__die("pipe failed");
	if (!fresh)
		memset(j->S, 0, sizeof *j->S);
	j->S->t.cap = weft__opts.max_steps * 2 + 64;
	j->S->v.bound = -1;
	j->S->v.fair_bound = -1;
	j->S->v.starve_bound = -1;
	j->S->v.stale_bound = -1;
	weft__marks_clear(j->marks);
	weft__marks_use(j->marks);
	weft__unwinder_prime();
	fflush(NULL);
	parent = getpid();
	j->pid = fork();
	if (j->pid < 0)
		weft__die("fork failed");
	if (j->pid == 0) {
		/* A worker dies with weft: a supervisor that stops weft's
		 * process alone (SIGTERM, SIGINT to its pid) left the worker
		 * running a test for ever, re-parented to init. */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != parent)
			_exit(0);
		close(p[0]);
		weft__worker_main(t, j->S, c);
	}
	close(p[1]);
	j->fd = p[0];
	j->done = j->killed = false;
	j->t0 = j->seen_at = weft__now();
	j->seen = -1;
}

/* Whether a worker's executions and steps have not moved for secs: it
 * hangs in an execution (a loop without a scheduling point, a call weft
 * cannot control).  Records, when they move, when they last did. */
static bool stalled(struct job *j, double secs)
{
	const struct weft__verdict *V = &j->S->v;
	long now = V->executions + V->pruned + V->redundant + V->limited +
		   j->S->t.nsteps;

	if (now != j->seen) {
		j->seen = now;
		j->seen_at = weft__now();
		return false;
	}
	return weft__now() - j->seen_at > secs;
}

/* How long a worker past the time limit may go without a step before it
 * is killed as a hang: the limit itself, within 1 s and 5 s.  Every
 * worker was given 5 s past the limit, so a hang at --time-limit=1 took
 * 6 s where the user asked for 1 (the command-line tests waited 4 s for
 * each of a dozen hangs); an execution still taking steps is not cut
 * before the hard limit, 5 s past the time limit. */
static double hang_grace(void)
{
	double g = weft__opts.time_limit;

	return g < 1 ? 1 : g > 5 ? 5 : g;
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

/* Kill worker j as a hang, noting how long it had not moved. */
static void kill_hung(struct job *j)
{
	kill(j->pid, SIGKILL);
	j->killed = true;
	j->hung = weft__now() - j->seen_at;
}

/* Kill the workers that hang.  Without a time limit, one whose
 * executions and steps have not moved for WEFT__HANG_SECS (where weft
 * waited for ever and the hang got no report: a probe of awkward
 * programs); with one, past the limit, one that has not moved for its
 * grace. */
static void kill_stalled(struct job *jobs, const int *idx, int k, double t0)
{
	double limit = weft__opts.time_limit;
	bool past = limit > 0 && weft__now() - t0 > limit;

	for (int i = 0; i < k; i++) {
		struct job *j = &jobs[idx[i]];
		if (j->killed)
			continue;
		if (limit <= 0 ? stalled(j, WEFT__HANG_SECS)
			       : stalled(j, hang_grace()) && past)
			kill_hung(j);
	}
}

/* Wait for every job; kill those still running 5 s past the time limit
 * (of which earlier rounds of the search took secs). */
static void wait_jobs(struct job *jobs, int n, double secs)
{
	double t0 = weft__now() - secs;
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
		if (r == 0)
			kill_stalled(jobs, idx, k, t0);
		if (r == 0 && !hard) {
			weft__progress_tick(S, n);
			continue;
		}
		for (int i = 0; i < k; i++) {
			struct job *j = &jobs[idx[i]];
			if (hard && !j->killed)
				kill_hung(j);
			else if (!(pf[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			waitpid(j->pid, &j->status, 0);
			j->t1 = weft__now();
			close(j->fd);
			j->done = true;
			left--;
		}
	}
}

/* Interpret how a worker ended (src/report/ending.c). */
static void settle(struct job *j)
{
	/* A worker that crashed, hung or died never timed its run: its
	 * time is the parent's (a hang read "0.00 s" after the time limit
	 * and its grace had passed). */
	if (j->S->v.state != SHM_DONE || j->killed)
		j->S->v.seconds = j->t1 - j->t0;
	weft__report_ending(j->S, j->status, j->killed, j->hung);
}

static struct weft__shm *shms[64];
static struct weft__marks *marks[64];
static struct weft__split_log *logs[64];
static uint64_t *claims;
static long nclaims;

/* Libraries the parent loaded for tests that opened them (record.h's
 * preload): each once. */
#define MAX_PRELOADS 32
static char *preloaded[MAX_PRELOADS];
static int npreloaded;

/* Where path is among the libraries loaded, -1 when it is not. */
static int preloaded_at(const char *path)
{
	for (int i = 0; i < npreloaded; i++)
		if (!strcmp(preloaded[i], path))
			return i;
	return -1;
}

/* Load here the libraries the jobs stopped for, so that the workers
 * forked next have them from before main.  Returns 1 when the test is to
 * be explored again, 0 when no job stopped for one, -1 after an error
 * line (a library that cannot be loaded here, or is asked for again once
 * loaded in an earlier round: the test's dlopen did not find it). */
static int preload(const struct weft_test *t, struct job *jobs, int n)
{
	int before = npreloaded;
	char msg[4200];

	for (int i = 0; i < n; i++) {
		const struct weft__verdict *V = &jobs[i].S->v;
		int at;
		if (!V->preload[0])
			continue;
		at = preloaded_at(V->preload);
		if (at >= before)
			continue; /* another job asked for it this round */
		if (at >= 0) {
			snprintf(msg, sizeof msg,
				 "the test opened %s again after weft loaded "
				 "it before main", V->preload);
		} else if (npreloaded == MAX_PRELOADS) {
			snprintf(msg, sizeof msg,
				 "the test opened more than %d libraries of "
				 "its own with dlopen, weft's limit",
				 MAX_PRELOADS);
		} else if (!dlopen(V->preload, V->preload_mode)) {
			snprintf(msg, sizeof msg, "cannot load %s, which the "
				 "test opened, before main: %s", V->preload,
				 dlerror());
		} else {
			preloaded[npreloaded++] = strdup(V->preload);
			continue;
		}
		fprintf(stderr, "weft: test %s: %s\n", t->name, msg);
		weft__results_add_error(t->name, msg);
		return -1;
	}
	if (npreloaded == before)
		return 0;
	weft__user_images_forget();
	weft__symbols_reload();
	return 1;
}

/* A round of a test's search: the first, or a deeper one of the fairness
 * bound (see weft__explore_test). */
struct round {
	int from;     /* the bound of the round before, -1: the first */
	long end;     /* the deeper rounds' allowance, in executions */
	long before;  /* the executions of the rounds before */
	double secs;  /* and their seconds */
};

static struct weft__shm *explore(const struct weft_test *t,
				 const struct round *R, bool *again);

/* Explore test t once, in the parts the options ask for; returns the
 * record of the result (counts added up), or NULL after an error line.  A
 * test that opened a library of the program's own is explored again once
 * the library is loaded (see preload). */
static struct weft__shm *explore_round(const struct weft_test *t,
				       const struct round *R)
{
	struct weft__shm *W;
	bool again;

	do
		W = explore(t, R, &again);
	while (again);
	return W;
}

/* A search in parts on this machine (jobs, or a --split), which its
 * workers do not deepen themselves (loop.c), verified but cut by the
 * fairness bound.  Shards are not deepened: each sees its part only, and
 * the parts must hold for one bound. */
static bool cut_in_parts(const struct weft__shm *W)
{
	struct weft__plan P;

	weft__plan_test(&P);
	return P.split > 0 && P.nshards == 1 && !weft__opts.nshards &&
	       W->v.verdict == VERDICT_VERIFIED && W->v.fair_bound >= 0;
}

static long runs_of(const struct weft__verdict *v)
{
	return v->executions + v->pruned + v->redundant + v->limited;
}

/* The rounds before (their counts in sum) and this one's (in v) as one
 * search; seconds and times to the bug count from the first round. */
static void add_rounds(struct weft__verdict *v, const struct weft__verdict *sum,
		       long before)
{
	v->executions += sum->executions;
	v->pruned += sum->pruned;
	v->redundant += sum->redundant;
	v->limited += sum->limited;
	weft__verdict_first_limit(v, sum->limit_first);
	v->total_steps += sum->total_steps;
	if (v->verdict == VERDICT_BUG)
		v->bug_exec += before;
}

/* Explore test t.  A search in parts whose workers verified it within a
 * fairness bound that cut it is explored again with the bound doubled,
 * in rounds, as one process deepens its own (strategy.c), with the same
 * allowance: all parts of a round run at one bound, so a round's verdict
 * is the whole test's at that bound.  A round that a part gives up (its
 * allowance spent, a limit of weft) leaves the last complete round's
 * verdict; a bug any round finds is the verdict. */
struct weft__shm *weft__explore_test(const struct weft_test *t)
{
	struct round R = { .from = -1 };
	struct weft__verdict *kept = NULL, sum = { 0 };
	int user_fb = weft__opts.fair_bound;
	double t0 = weft__now();
	struct weft__shm *W;

	for (;;) {
		W = explore_round(t, &R);
		if (!W)
			break;
		if (R.from >= 0 && W->v.abandoned &&
		    W->v.verdict != VERDICT_BUG) {
			/* Given up: the rounds before are the search (its
			 * counts too: the round's depend on the jobs' timing,
			 * see loop.c). */
			double secs = W->v.seconds;
			W->v = *kept;
			W->v.executions = W->v.pruned = W->v.redundant = 0;
			W->v.limited = W->v.total_steps = 0;
			W->v.seconds = secs;
			break;
		}
		if (!cut_in_parts(W))
			break;
		long runs = R.before + runs_of(&W->v);
		int next = weft__deepen_next(weft__opts.fair_bound, runs,
					     &R.end);
		if (next < 0)
			break;
		if (!kept && !(kept = malloc(sizeof *kept)))
			weft__die("out of memory");
		*kept = W->v;
		add_rounds(&sum, &W->v, 0);
		R.from = weft__opts.fair_bound;
		R.before = runs;
		R.secs = weft__now() - t0;
		weft__opts.fair_bound = next;
	}
	if (W && R.from >= 0)
		add_rounds(&W->v, &sum, R.before);
	weft__opts.fair_bound = user_fb;
	free(kept);
	return W;
}

static struct weft__shm *explore(const struct weft_test *t,
				 const struct round *R, bool *again)
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
		min_bug[WEFT__JOB_STOP] = 1L << 60;
		min_bug[WEFT__JOB_TAKEOVER] = 0;
		/* of all rounds */
		min_bug[WEFT__JOB_USED] = R->before;
		min_bug[WEFT__JOB_ABANDON] = 0;
		min_bug[WEFT__JOB_HELD] = 0;
	}
	weft__files_lock_setup(P.jobs);
	if (P.split && P.jobs > 1) {
		if (!claims)
			claims = weft__claims_create(&nclaims);
		memset(claims, 0, (size_t)nclaims / 8);
	}
	weft__progress_start(t);
	for (int i = 0; i < P.jobs; i++) {
		bool fresh = !shms[i];
		if (fresh) {
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
			.deeper_from = R->from, .deepen_end = R->end,
			.before = R->before, .secs_before = R->secs,
		};
		jobs[i].S = S[i] = shms[i];
		jobs[i].marks = marks[i];
		start_job(&jobs[i], t, &cfg[i], fresh);
	}
	wait_jobs(jobs, P.jobs, R->secs);
	weft__progress_end();
	free(replay);
	free(ctx);
	if (min_bug)
		munmap((void *)min_bug, 4096);
	*again = false;
	switch (preload(t, jobs, P.jobs)) {
	case 1:
		*again = true;
		return NULL;
	case -1:
		return NULL;
	}
	for (int i = 0; i < P.jobs; i++) {
		settle(&jobs[i]);
		if (!strcmp(jobs[i].S->v.kind, WEFT__K(NONDETERMINISM))) {
			fprintf(stderr, "weft: test %s: %s\n", t->name,
				jobs[i].S->v.message);
			weft__results_add_error(t->name, jobs[i].S->v.message);
			return NULL;
		}
	}
	struct weft__shm *W = weft__jobs_merge(S, logs, P.jobs, P.split > 0,
					       &exact);
	for (int i = 0; i < P.jobs; i++)
		if (S[i] == W)
			weft__marks_use(jobs[i].marks);
	W->v.split = P.split;
	W->v.parts_exact = exact;
	return W;
}
