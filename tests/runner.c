/* tests/runner.c - weft's one test runner.
 *
 * usage: runner BUILD_DIR [--update-golden] [-j N] [GLOB...]
 *
 * -j N runs N cases at once (default: one more than the processors).
 *
 * Collects the cases (see tests/README.md): unit tests (BUILD/tests/unit
 * --list), detection programs (tests/detect/AREA/NAME.c or NAME.cpp,
 * examples/seeds/SUBJECT/NAME.c and examples/DIR/NAME.c, with //! expect:
 * lines), golden files (tests/golden/NAME.c + NAME.out) and CLI scripts
 * (tests/cli/NAME.sh).
 * Every case runs in a forked child with a time limit, its output captured;
 * a failing case prints what was expected, what came out, and the output.
 * The last line is "N passed, N failed". */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "runner.h"

enum kind { UNIT, DETECT, GOLDEN, SCRIPT };

struct expect {
	char test[128];   /* empty: every test in the file */
	char verdict[16]; /* bug, pass, verified, inconclusive */
	char bugkind[32]; /* the bug kind, or the inconclusive reason */
	long executions;  /* executions=N: exactly that many; -1 any */
	char unexplored[48]; /* unexplored=a,b (or none): exactly these
				src/unexplored.def fields true; empty any */
};

struct tcase {
	enum kind kind;
	char name[256];
	char src[512];
	char bin[512];
	char args[512];
	bool main_mode;    /* flags go through WEFT_OPTIONS */
	bool needs_pthread; /* //! needs: pthread (the core-only builds
			       leave the program out) */
	int timeout;
	struct expect ex[16];
	int nex;
	/* running */
	pid_t pid;
	int phase;         /* 0 the program, 1 the replays of its bugs */
	char out[512];
	double start;
	bool passed;
	double cpu; /* user and system time of the case and what it waited for */
	char why[1024];
};

static struct tcase *cases;
static int ncases, cap;
static const char *build;
static bool update_golden;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static struct tcase *add_case(enum kind k, const char *name)
{
	if (ncases == cap) {
		cap = cap ? cap * 2 : 64;
		cases = realloc(cases, sizeof *cases * (size_t)cap);
	}
	struct tcase *c = &cases[ncases++];
	memset(c, 0, sizeof *c);
	c->kind = k;
	c->timeout = 120;
	snprintf(c->name, sizeof c->name, "%s", name);
	return c;
}

char *runner_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "r");
	char *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	n = (long)fread(buf, 1, (size_t)n, f);
	buf[n] = 0;
	fclose(f);
	if (len)
		*len = (size_t)n;
	return buf;
}

static void trim(char *s)
{
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\r'))
		s[--n] = 0;
}

/* A case that expects only verifications runs its search to the end
 * within VERIFY_TIMEOUT, not within weft's default 60 s and the runner's
 * 120: on a loaded machine the same search takes several times as long
 * (seed verifications of 20 s took over 110 with seven other jobs on two
 * processors, and were a pass or killed).  It costs nothing where the
 * search ends sooner.  A case that sets its own --time-limit keeps it. */
#define VERIFY_TIMEOUT 400

static void verify_time(struct tcase *c)
{
	size_t n = strlen(c->args);

	if (!c->nex || strstr(c->args, "time-limit"))
		return;
	for (int i = 0; i < c->nex; i++)
		if (strcmp(c->ex[i].verdict, "verified"))
			return;
	if (c->timeout < VERIFY_TIMEOUT)
		c->timeout = VERIFY_TIMEOUT;
	snprintf(c->args + n, sizeof c->args - n, " --time-limit=%d",
		 c->timeout - 10);
}

/* Parse //! lines of a source file. */
static void parse_directives(struct tcase *c)
{
	char *text = runner_slurp(c->src, NULL), *save = NULL;

	if (!text)
		return;
	c->main_mode = !strstr(text, "WEFT_TEST(");
	for (char *l = strtok_r(text, "\n", &save); l;
	     l = strtok_r(NULL, "\n", &save)) {
		if (strncmp(l, "//! ", 4) != 0)
			continue;
		l += 4;
		if (!strncmp(l, "args:", 5)) {
			snprintf(c->args, sizeof c->args, "%s", l + 5);
			trim(c->args);
		} else if (!strncmp(l, "needs: pthread", 14)) {
			c->needs_pthread = true;
		} else if (!strncmp(l, "timeout:", 8)) {
			c->timeout = atoi(l + 8);
		} else if (!strncmp(l, "expect", 6) && c->nex < 16) {
			struct expect *e = &c->ex[c->nex];
			char *p = l + 6;
			memset(e, 0, sizeof *e);
			if (*p == '(') {
				char *q = strchr(p, ')');
				if (!q)
					continue;
				snprintf(e->test, sizeof e->test, "%.*s",
					 (int)(q - p - 1), p + 1);
				p = q + 1;
			}
			if (*p != ':')
				continue;
			char extra[2][48] = { "", "" };
			if (sscanf(p + 1, " %15s %47s %47s", e->verdict, extra[0],
				   extra[1]) < 1)
				continue;
			e->executions = -1;
			for (int k = 0; k < 2; k++) {
				if (!strncmp(extra[k], "executions=", 11))
					e->executions = atol(extra[k] + 11);
				else if (!strncmp(extra[k], "unexplored=", 11))
					snprintf(e->unexplored,
						 sizeof e->unexplored, "%s",
						 extra[k] + 11);
				else if (extra[k][0])
					snprintf(e->bugkind, sizeof e->bugkind,
						 "%s", extra[k]);
			}
			c->nex++;
		}
	}
	free(text);
	verify_time(c);
}

static bool ends_with(const char *s, const char *suf)
{
	size_t a = strlen(s), b = strlen(suf);
	return a >= b && !strcmp(s + a - b, suf);
}

/* qsort's order for an array of strings (its arguments point to the
 * elements). */
static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorts n names; qsort must not be given a NULL array, even empty. */
static void sort_names(char **v, int n)
{
	if (n > 1)
		qsort(v, (size_t)n, sizeof *v, cmp_str);
}

/* Every NAME.c and NAME.cpp under dir/SUB/ (one level of sub-folders). */
static void scan_sources(const char *dir, const char *prefix, enum kind k)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **subs = NULL;
	int nsub = 0;

	if (!d)
		return;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		subs = realloc(subs, sizeof *subs * (size_t)(nsub + 1));
		subs[nsub++] = strdup(e->d_name);
	}
	closedir(d);
	sort_names(subs, nsub);
	for (int i = 0; i < nsub; i++) {
		char sub[512];
		snprintf(sub, sizeof sub, "%s/%s", dir, subs[i]);
		DIR *sd = opendir(sub);
		if (!sd)
			continue;
		char **files = NULL;
		int nf = 0;
		while ((e = readdir(sd))) {
			if (!ends_with(e->d_name, ".c") &&
			    !ends_with(e->d_name, ".cpp"))
				continue;
			files = realloc(files, sizeof *files * (size_t)(nf + 1));
			files[nf++] = strdup(e->d_name);
		}
		closedir(sd);
		sort_names(files, nf);
		for (int j = 0; j < nf; j++) {
			char name[600], base[256];
			snprintf(base, sizeof base, "%.*s",
				 (int)(strrchr(files[j], '.') - files[j]),
				 files[j]);
			snprintf(name, sizeof name, "%s/%s/%s", prefix, subs[i],
				 base);
			struct tcase *c = add_case(k, name);
			snprintf(c->src, sizeof c->src, "%s/%s", sub, files[j]);
			snprintf(c->bin, sizeof c->bin, "%s/%s/%s/%s", build, dir,
				 subs[i], base);
			parse_directives(c);
			if (!c->nex)
				ncases--; /* not a test program */
			free(files[j]);
		}
		free(files);
		free(subs[i]);
	}
	free(subs);
}

static void scan_flat(const char *dir, const char *suffix, enum kind k,
		      const char *prefix)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **files = NULL;
	int nf = 0;

	if (!d)
		return;
	while ((e = readdir(d)))
		if (ends_with(e->d_name, suffix)) {
			files = realloc(files, sizeof *files * (size_t)(nf + 1));
			files[nf++] = strdup(e->d_name);
		}
	closedir(d);
	sort_names(files, nf);
	for (int i = 0; i < nf; i++) {
		char name[600], base[256];
		snprintf(base, sizeof base, "%.*s",
			 (int)(strlen(files[i]) - strlen(suffix)), files[i]);
		snprintf(name, sizeof name, "%s/%s", prefix, base);
		struct tcase *c = add_case(k, name);
		snprintf(c->src, sizeof c->src, "%s/%s", dir, files[i]);
		snprintf(c->bin, sizeof c->bin, "%s/%s/%s", build, dir, base);
		if (k == GOLDEN)
			parse_directives(c);
		free(files[i]);
	}
	free(files);
}

static void scan_units(void)
{
	char cmd[600], line[256];
	FILE *p;

	snprintf(cmd, sizeof cmd, "%s/tests/unit --list", build);
	p = popen(cmd, "r");
	if (!p)
		return;
	while (fgets(line, sizeof line, p)) {
		trim(line);
		if (!line[0])
			continue;
		char name[300];
		snprintf(name, sizeof name, "unit/%s", line);
		struct tcase *c = add_case(UNIT, name);
		snprintf(c->bin, sizeof c->bin, "%s/tests/unit", build);
		snprintf(c->args, sizeof c->args, "%s", line);
		c->timeout = 60;
	}
	pclose(p);
}

/* ---- running ------------------------------------------------------------ */

/* Runs bin with first (or nothing) and the words of args, without a
 * shell when args holds nothing a shell would read differently from its
 * words; with sh otherwise (quotes, variables).  A shell in front of
 * every case cost a process start each, some 1,700 in a run. */
static void exec_words(const char *bin, const char *first, const char *args)
{
	char copy[600], *argv[64], *save = NULL, cmd[2048];
	int n = 0;

	if (strlen(args) < sizeof copy &&
	    strspn(args, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
			 "0123456789 -_=./,:+%@") == strlen(args)) {
		snprintf(copy, sizeof copy, "%s", args);
		argv[n++] = (char *)bin;
		if (first)
			argv[n++] = (char *)first;
		char *w = strtok_r(copy, " ", &save);
		for (; w && n < 63; w = strtok_r(NULL, " ", &save))
			argv[n++] = w;
		argv[n] = NULL;
		if (!w) {
			execv(bin, argv);
			_exit(127);
		}
	}
	snprintf(cmd, sizeof cmd, "exec '%s' %s %s", bin, first ? first : "",
		 args);
	execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
}

static void child_exec(struct tcase *c)
{
	char cmd[2048];
	int fd = open(c->out, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd < 0)
		_exit(127);
	dup2(fd, 1);
	dup2(fd, 2);
	close(fd);
	setpgid(0, 0);
	switch (c->kind) {
	case UNIT:
		execl(c->bin, c->bin, c->args, (char *)NULL);
		break;
	case SCRIPT:
		execl("/bin/sh", "sh", c->src, build, (char *)NULL);
		break;
	case DETECT:
		if (c->main_mode) {
			char opts[700];
			snprintf(opts, sizeof opts, "format=json %s", c->args);
			setenv("WEFT_OPTIONS", opts, 1);
			exec_words(c->bin, NULL, "");
		} else {
			exec_words(c->bin, "--format=json", c->args);
		}
		break;
	case GOLDEN:
		/* A program with its own main takes weft's flags from the
		 * environment, as its user gives them. */
		if (c->main_mode && c->args[0])
			setenv("WEFT_OPTIONS", c->args, 1);
		snprintf(cmd, sizeof cmd, "%s/tests/golden", build);
		if (chdir(cmd) != 0)
			_exit(127);
		snprintf(cmd, sizeof cmd, "./%s", strrchr(c->bin, '/') + 1);
		exec_words(cmd, NULL, c->main_mode ? "" : c->args);
		break;
	}
	_exit(127);
}

static void start(struct tcase *c, int idx)
{
	snprintf(c->out, sizeof c->out, "%s/tests/out.%d.txt", build, idx);
	c->start = now();
	c->pid = fork();
	if (c->pid == 0)
		child_exec(c);
}

void runner_json_field(const char *line, const char *key, char *out,
		       size_t n)
{
	char pat[64];
	const char *p;

	out[0] = 0;
	snprintf(pat, sizeof pat, "\"%s\":", key);
	p = strstr(line, pat);
	if (!p)
		return;
	p += strlen(pat);
	if (*p != '"') {
		snprintf(out, n, "%.*s", (int)strcspn(p, ",}"), p);
		return;
	}
	p++;
	size_t k = 0;
	while (*p && *p != '"' && k + 1 < n) {
		if (*p == '\\' && p[1])
			p++;
		out[k++] = *p++;
	}
	out[k] = 0;
}

/* The fields of src/unexplored.def that line l sets true, as "a,b", or
 * "none": what a verification is qualified by. */
static void unexplored_of(const char *l, char *out, size_t n)
{
	static const char *const names[] = {
#define UNEXPLORED(id, name, clause) name,
#include "../src/unexplored.def"
#undef UNEXPLORED
	};
	char v[16];
	size_t k = 0;

	out[0] = 0;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		runner_json_field(l, names[i], v, sizeof v);
		if (strcmp(v, "true"))
			continue;
		k += (size_t)snprintf(out + k, k < n ? n - k : 0, "%s%s",
				      k ? "," : "", names[i]);
	}
	if (!k)
		snprintf(out, n, "none");
}

static void check_detect(struct tcase *c, const char *output, int status)
{
	int matched[16] = { 0 };
	char *copy = strdup(output), *save = NULL;
	int lines = 0;

	c->passed = true;
	for (char *l = strtok_r(copy, "\n", &save); l;
	     l = strtok_r(NULL, "\n", &save)) {
		char test[128], verdict[32], kind[64], execs[32], unex[256];
		if (l[0] != '{')
			continue;
		lines++;
		runner_json_field(l, "test", test, sizeof test);
		runner_json_field(l, "verdict", verdict, sizeof verdict);
		runner_json_field(l, "kind", kind, sizeof kind);
		runner_json_field(l, "executions", execs, sizeof execs);
		if (!strcmp(verdict, "inconclusive"))
			runner_json_field(l, "reason", kind, sizeof kind);
		unexplored_of(l, unex, sizeof unex);
		for (int i = 0; i < c->nex; i++) {
			struct expect *e = &c->ex[i];
			if (e->test[0] && strcmp(e->test, test))
				continue;
			matched[i]++;
			bool ok = !strcmp(e->verdict, verdict) &&
				  (!e->bugkind[0] || !strcmp(e->bugkind, kind)) &&
				  (e->executions < 0 ||
				   e->executions == atol(execs)) &&
				  (!e->unexplored[0] ||
				   !strcmp(e->unexplored, unex));
			if (!ok && c->passed) {
				c->passed = false;
				snprintf(c->why, sizeof c->why,
					 "test %s: expected %s%s%s (executions "
					 "%ld, unexplored %s), got %s%s%s "
					 "(executions %s, unexplored %s)",
					 test, e->verdict, e->bugkind[0] ? " " : "",
					 e->bugkind, e->executions,
					 e->unexplored[0] ? e->unexplored : "any",
					 verdict, strcmp(kind, "null") ? " " : "",
					 strcmp(kind, "null") ? kind : "", execs,
					 unex);
			}
		}
	}
	for (int i = 0; i < c->nex && c->passed; i++)
		if (!matched[i]) {
			c->passed = false;
			snprintf(c->why, sizeof c->why,
				 "expected a result for %s, got none (exit "
				 "status %d)",
				 c->ex[i].test[0] ? c->ex[i].test : "the program",
				 status);
		}
	if (c->passed && !lines) {
		c->passed = false;
		snprintf(c->why, sizeof c->why, "no JSON result line");
	}
	free(copy);
}

/* Times and the worker-dependent parts of a report vary, and so does the
 * directory of the checkout (debug information names sources by absolute
 * path): both are taken out; the rest of the text must match the golden
 * file exactly. */
static char *normalise(const char *s)
{
	size_t n = strlen(s);
	char *o = malloc(n + 1), *q = o, cwd[4096];
	size_t ncwd = getcwd(cwd, sizeof cwd - 1) ? strlen(cwd) : 0;

	if (ncwd)
		cwd[ncwd++] = '/';
	for (const char *p = s; *p;) {
		if (ncwd && !strncmp(p, cwd, ncwd)) {
			p += ncwd;
			continue;
		}
		if (!strncmp(p, "\"seconds\":", 10)) {
			const char *e = p + 10;
			while ((*e >= '0' && *e <= '9') || *e == '.')
				e++;
			memcpy(q, "\"seconds\":T", 11);
			q += 11;
			p = e;
			continue;
		}
		if ((*p >= '0' && *p <= '9') && (p == s || p[-1] == '(' ||
						  p[-1] == ' ')) {
			const char *e = p;
			while ((*e >= '0' && *e <= '9') || *e == '.')
				e++;
			if (strncmp(e, " s)", 3) == 0 || strncmp(e, " s;", 3) == 0) {
				*q++ = 'T';
				p = e;
				continue;
			}
		}
		*q++ = *p++;
	}
	*q = 0;
	return o;
}

static void check_golden(struct tcase *c, const char *output)
{
	char path[600];
	char *got = normalise(output), *want;

	snprintf(path, sizeof path, "%.*s.out", (int)strlen(c->src) - 2, c->src);
	if (update_golden) {
		FILE *f = fopen(path, "w");
		if (f) {
			fputs(got, f);
			fclose(f);
		}
		c->passed = true;
		free(got);
		return;
	}
	want = runner_slurp(path, NULL);
	c->passed = want && !strcmp(want, got);
	if (!c->passed)
		snprintf(c->why, sizeof c->why,
			 want ? "output differs from %s (expected first, then "
				"what came out)"
			      : "missing golden file %s",
			 path);
	if (!c->passed && want)
		fprintf(stderr, "---- expected\n%s---- got\n%s----\n", want, got);
	free(want);
	free(got);
}

/* The replays' reason for failing, in out.N.txt.replay. */
static void replay_path(const struct tcase *c, char *path, size_t n)
{
	snprintf(path, n, "%s.replay", c->out);
}

static void judge(struct tcase *c, const char *output, int status,
		  bool timed_out)
{
	if (timed_out) {
		c->passed = false;
		snprintf(c->why, sizeof c->why, "timed out after %d s",
			 c->timeout);
	} else if (WIFSIGNALED(status)) {
		c->passed = false;
		snprintf(c->why, sizeof c->why, "killed by signal %d",
			 WTERMSIG(status));
	} else if (c->phase == 1) {
		/* The program's results were right; its bugs' replays ran. */
		char path[600];
		char *why;
		replay_path(c, path, sizeof path);
		c->passed = WEXITSTATUS(status) == 0;
		why = c->passed ? NULL : runner_slurp(path, NULL);
		if (!c->passed)
			snprintf(c->why, sizeof c->why, "%s",
				 why ? why : "a replay failed");
		free(why);
	} else {
		int code = WEXITSTATUS(status);
		switch (c->kind) {
		case UNIT:
		case SCRIPT:
			c->passed = code == 0;
			snprintf(c->why, sizeof c->why, "exit status %d", code);
			break;
		case DETECT:
			check_detect(c, output, code);
			break;
		case GOLDEN:
			check_golden(c, output);
			break;
		}
	}
}

/* Judges a case whose process ended and prints the result: true when the
 * case is over, false when a detection case whose results were right went
 * on to replay its bugs (runner_replay.c), still running. */
static bool finish(struct tcase *c, int status, bool timed_out)
{
	char *output = runner_slurp(c->out, NULL);
	char path[600];
	pid_t pid;

	if (!output)
		output = strdup("");
	judge(c, output, status, timed_out);
	replay_path(c, path, sizeof path);
	if (c->kind == DETECT && c->phase == 0 && c->passed &&
	    (pid = runner_replay_start(output, path)) > 0) {
		c->pid = pid;
		c->phase = 1;
		free(output);
		return false;
	}
	printf("%s %s (%.2f s, %.2f s CPU)\n", c->passed ? "PASS" : "FAIL",
	       c->name, now() - c->start, c->cpu);
	if (!c->passed) {
		printf("  %s\n", c->why);
		printf("  ---- output of %s ----\n", c->name);
		size_t len = strlen(output);
		if (len > 6000)
			printf("%.3000s\n  [...]\n%s", output,
			       output + len - 3000);
		else
			printf("%s", output);
		printf("  ----\n");
	}
	fflush(stdout);
	unlink(c->out);
	unlink(path);
	free(output);
	return true;
}

/* The processor time a finished case took, its own and that of the
 * processes it waited for (a script's commands). */
static double cpu_of(const struct rusage *ru)
{
	return (double)ru->ru_utime.tv_sec + (double)ru->ru_utime.tv_usec * 1e-6 +
	       (double)ru->ru_stime.tv_sec + (double)ru->ru_stime.tv_usec * 1e-6;
}

static bool selected(const char *name, char **globs, int nglobs)
{
	if (!nglobs)
		return true;
	for (int i = 0; i < nglobs; i++)
		if (!fnmatch(globs[i], name, 0))
			return true;
	return false;
}

int main(int argc, char **argv)
{
	char **globs = NULL;
	int nglobs = 0, passed = 0, failed = 0;
	double cpu_total = 0, t0 = now();
	/* One case more than processors: several cases spend seconds
	 * waiting (a time limit's grace, a build), and their processor
	 * runs another case meanwhile. */
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	int jobs = ncpu > 1 ? (int)ncpu + 1 : 2;

	if (argc < 2) {
		fprintf(stderr, "usage: runner BUILD_DIR [--update-golden] "
				"[-j N] [GLOB...]\n");
		return 2;
	}
	build = argv[1];
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--update-golden"))
			update_golden = true;
		else if (!strcmp(argv[i], "-j") && i + 1 < argc)
			jobs = atoi(argv[++i]);
		else {
			globs = realloc(globs, sizeof *globs * (size_t)(nglobs + 1));
			globs[nglobs++] = argv[i];
		}
	}
	if (jobs < 1)
		jobs = 1;
	scan_units();
	scan_sources("tests/detect", "detect", DETECT);
	scan_sources("examples/seeds", "seeds", DETECT);
	/* Example programs in a directory of their own (examples/kernel_driver)
	 * carry expect lines too; examples/seeds holds no sources itself. */
	scan_sources("examples", "examples", DETECT);
	scan_flat("tests/golden", ".c", GOLDEN, "golden");
	scan_flat("tests/cli", ".sh", SCRIPT, "cli");

	int *sel = malloc(sizeof *sel * (size_t)(ncases + 1)), nsel = 0;
	int skipped = 0;
	for (int i = 0; i < ncases; i++) {
		if (!selected(cases[i].name, globs, nglobs))
			continue;
		/* The sanitizer and ucontext builds have no pthread layer and
		 * build no program that needs it. */
		if (cases[i].needs_pthread && access(cases[i].bin, X_OK) != 0) {
			printf("SKIP %s (needs the pthread layer, which this "
			       "build leaves out)\n", cases[i].name);
			skipped++;
			continue;
		}
		sel[nsel++] = i;
	}
	/* The scripts first: they are the longest cases (up to half a
	 * minute), and one started last would run alone at the end. */
	int nscript = 0;
	for (int k = 0; k < nsel; k++)
		if (cases[sel[k]].kind == SCRIPT) {
			int s = sel[k];
			memmove(sel + nscript + 1, sel + nscript,
				sizeof *sel * (size_t)(k - nscript));
			sel[nscript++] = s;
		}
	int next = 0, running = 0;
	while (next < nsel || running) {
		while (running < jobs && next < nsel) {
			start(&cases[sel[next]], sel[next]);
			next++;
			running++;
		}
		int status;
		struct rusage ru;
		pid_t pid = wait4(-1, &status, WNOHANG, &ru);
		if (pid <= 0) {
			/* Enforce time limits while waiting. */
			for (int k = 0; k < next; k++) {
				struct tcase *c = &cases[sel[k]];
				if (c->pid > 0 && now() - c->start > c->timeout) {
					kill(-c->pid, SIGKILL);
					kill(c->pid, SIGKILL);
					wait4(c->pid, &status, 0, &ru);
					c->cpu += cpu_of(&ru);
					cpu_total += cpu_of(&ru);
					finish(c, status, true);
					c->pid = 0;
					running--;
					failed++;
				}
			}
			usleep(2000);
			continue;
		}
		for (int k = 0; k < next; k++) {
			struct tcase *c = &cases[sel[k]];
			if (c->pid != pid)
				continue;
			c->cpu += cpu_of(&ru);
			cpu_total += cpu_of(&ru);
			if (!finish(c, status, false))
				break;
			c->pid = 0;
			running--;
			if (c->passed)
				passed++;
			else
				failed++;
		}
	}
	if (nsel == 0 && nglobs && !skipped)
		fprintf(stderr, "runner: no test case matches\n");
	if (nsel)
		printf("%.1f s, %.1f s CPU\n", now() - t0, cpu_total);
	if (skipped)
		printf("%d passed, %d failed, %d skipped\n", passed, failed,
		       skipped);
	else
		printf("%d passed, %d failed\n", passed, failed);
	return failed || (nsel == 0 && nglobs && !skipped) ? 1 : 0;
}
