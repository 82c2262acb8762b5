/* src/detect/race_sym_a2l.c - the addr2line children of race_sym.c: one
 * for the executable and one for each of the program's own shared
 * libraries, started at the first question and kept for the life of the
 * process that started it, each asked one address at a time on a pipe,
 * and their answers read back (the function, its file and line, and the
 * function inlined there, if any). */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "detect/race.h"
#include "report/report.h"

/* An addr2line child for one object: the executable, or one of the
 * program's own shared libraries (weft__user_object). */
#define MAX_HELPERS 8
struct helper {
	pid_t owner;                  /* process that started it */
	FILE *to, *from;              /* pipes to and from addr2line */
	bool broken;                  /* it could not be started */
	char path[512];               /* the object; "" the executable */
};

/* Persistent: the children outlive the executions' restores. */
static struct helpers {
	struct helper h[MAX_HELPERS];
	int n;
} *A;

/* Write one question to the helper.  A helper that died makes the write
 * fail with EPIPE, not kill the worker: SIGPIPE is blocked for the write
 * and a pending one taken back, so the program's own disposition of
 * SIGPIPE is left alone. */
static bool ask(FILE *to, uintptr_t addr)
{
	sigset_t pipe_only, old;
	struct timespec zero = { 0, 0 };
	bool ok;

	sigemptyset(&pipe_only);
	sigaddset(&pipe_only, SIGPIPE);
	sigprocmask(SIG_BLOCK, &pipe_only, &old);
	ok = fprintf(to, "0x%lx\n0\n", (unsigned long)addr) > 0 &&
	     fflush(to) == 0;
	if (!ok && errno == EPIPE)
		sigtimedwait(&pipe_only, NULL, &zero);
	sigprocmask(SIG_SETMASK, &old, NULL);
	return ok;
}

/* The program takes over fd, one end of a helper's pipes (sched/fds.c):
 * the helper is let go, and the next question starts another. */
static void helper_lost(int fd)
{
	for (int i = 0; A && i < A->n; i++) {
		struct helper *h = &A->h[i];
		if (h->owner != getpid() || !h->to || !h->from ||
		    (fileno(h->to) != fd && fileno(h->from) != fd))
			continue;
		weft__fd_release(fileno(h->to));
		weft__fd_release(fileno(h->from));
		fclose(h->to);
		fclose(h->from);
		h->to = h->from = NULL;
		h->owner = 0;
	}
}

/* A pipe whose ends are above the standard streams and closed on exec: a
 * program that closed its stdin got the pipe's read end as fd 0, which
 * the child's dup2 left alone and then closed, so addr2line exited and
 * weft's next write killed the worker (SIGPIPE, reported as a crash of
 * the program); one that closed stdout lost every source location. */
static bool high_pipe(int p[2])
{
	if (pipe(p) != 0)
		return false;
	/* High, and kept from the program's close (a daemon's loop over
	 * every descriptor closed them: sched/fds.c). */
	for (int i = 0; i < 2; i++)
		p[i] = weft__fd_keep(p[i], 800);
	if (p[0] > 2 && p[1] > 2)
		return true;
	for (int i = 0; i < 2; i++) {
		weft__fd_release(p[i]);
		close(p[i]);
	}
	return false;
}

/* In the helper's child, before exec: closes every descriptor from lo
 * up (close_range, or one by one where the kernel lacks it). */
static void close_from(int lo)
{
	long max = sysconf(_SC_OPEN_MAX);

	if (syscall(SYS_close_range, (unsigned)lo, ~0U, 0) == 0)
		return;
	for (long fd = lo; fd < (max > 0 && max < 65536 ? max : 65536); fd++)
		close((int)fd);
}

/* Start addr2line reading addresses of object h->path (the executable
 * for "") from a pipe; it flushes its answer to each line, so one child
 * serves every lookup of this process in that object. */
static bool helper_start(struct helper *h)
{
	int in[2], out[2];
	char exe[512];
	pid_t pid;

	if (h->owner == getpid() && h->to)
		return true;
	if (h->owner == getpid() && h->broken)
		return false;
	h->owner = getpid();
	h->to = h->from = NULL; /* a parent's pipes are not ours to use */
	h->broken = true;
	if (h->path[0]) {
		snprintf(exe, sizeof exe, "%s", h->path);
	} else {
		ssize_t k = readlink("/proc/self/exe", exe, sizeof exe - 1);
		if (k <= 0)
			return false;
		exe[k] = 0;
		/* A program that deleted its own file: the kernel still has
		 * it, under this process's entry (every line of the report
		 * was "?:0", a helper's probe). */
		if (access(exe, R_OK) != 0)
			snprintf(exe, sizeof exe, "/proc/%d/exe", (int)getpid());
	}
	if (!high_pipe(in))
		return false;
	if (!high_pipe(out)) {
		weft__fd_release(in[0]);
		weft__fd_release(in[1]);
		close(in[0]);
		close(in[1]);
		return false;
	}
	pid = fork();
	if (pid < 0) {
		for (int i = 0; i < 2; i++) {
			weft__fd_release(in[i]);
			weft__fd_release(out[i]);
			close(in[i]);
			close(out[i]);
		}
		return false;
	}
	if (pid == 0) {
		dup2(in[0], 0);
		dup2(out[1], 1);
		close(in[0]);
		close(in[1]);
		close(out[0]);
		close(out[1]);
		/* Nothing else of the program's: a pipe's write end kept
		 * open here would keep its reader from the end of the file
		 * for as long as the helper lives. */
		close_from(3);
		execlp("addr2line", "addr2line", "-a", "-i", "-f", "-e", exe,
		       (char *)NULL);
		_exit(127);
	}
	weft__fd_release(in[0]);
	weft__fd_release(out[1]);
	close(in[0]);
	close(out[1]);
	h->to = fdopen(in[1], "w");
	h->from = fdopen(out[0], "r");
	h->broken = !h->to || !h->from;
	weft__fd_on_lost(in[1], helper_lost);
	weft__fd_on_lost(out[0], helper_lost);
	return !h->broken;
}

/* The helper for the object at path (NULL: the executable), made on first
 * use; NULL when there is no room for another. */
static struct helper *helper_for(const char *path)
{
	const char *p = path ? path : "";

	for (int i = 0; i < A->n; i++)
		if (!strcmp(A->h[i].path, p))
			return &A->h[i];
	if (A->n == MAX_HELPERS || strlen(p) >= sizeof A->h[0].path)
		return NULL;
	struct helper *h = &A->h[A->n++];
	snprintf(h->path, sizeof h->path, "%s", p);
	return h;
}

/* A line addr2line -a echoes for the address 0, which ends each answer
 * (see read_answer). */
static bool is_end_mark(const char *s)
{
	if (strncmp(s, "0x", 2) != 0)
		return false;
	s += 2;
	return *s && strspn(s, "0") == strcspn(s, "\n");
}

/* One line of addr2line's answer into buf, cut to its size: the rest of a
 * longer line (a C++ function's name can run to kilobytes) is read and
 * dropped, so the next read starts at the next line. */
static bool read_line(FILE *from, char *buf, size_t n)
{
	int c;

	if (!fgets(buf, (int)n, from))
		return false;
	if (strchr(buf, '\n'))
		return true;
	while ((c = getc(from)) != EOF && c != '\n')
		;
	return c == '\n';
}

/* Whether place l ("file:line") is in weft's own header tree, the
 * include directory beside the library's (weft-cc's -I): code inlined
 * from it (the kernel tree's list_add, list_empty) is named by the
 * program's line that used it, as the system's headers are.  A race on a
 * list node was drawn at list.h:85 with no line of the program (a probe
 * of driver patterns). */
bool weft__in_weft_headers(const char *l)
{
	static char inc[512];
	static size_t n;
	static bool tried;
	Dl_info di;

	if (!tried) {
		tried = true;
		if (dladdr((void *)&weft__in_weft_headers, &di) &&
		    di.dli_fname && di.dli_fname[0] == '/') {
			const char *slash = strrchr(di.dli_fname, '/');
			int len = (int)(slash - di.dli_fname);
			/* .../lib/libweft.so -> .../include/ */
			while (len > 0 && di.dli_fname[len - 1] != '/')
				len--;
			if (len > 0 && (size_t)len + 9 < sizeof inc) {
				snprintf(inc, sizeof inc, "%.*sinclude/", len,
					 di.dli_fname);
				n = strlen(inc);
			}
		}
	}
	return n && !strncmp(l, inc, n) &&
	       (!strncmp(l + n, "weft/", 5) || !strncmp(l + n, "kernel/", 7));
}

/* s into dst of n bytes, cut to fit. */
static void copy_cut(char *dst, size_t n, const char *s)
{
	size_t k = strlen(s);

	if (k >= n)
		k = n - 1;
	memcpy(dst, s, k);
	dst[k] = 0;
}

/* Read addr2line's answer for one address: its echo, then a function and a
 * place for each level of inlining, innermost first, then the answer for
 * the end mark.  The level kept in fn and fl is the innermost one in the
 * program's own files: code inlined from the system's headers (libstdc++'s
 * lock_guard, std::thread's constructor) or weft's is named by the
 * program's line that used it, not by the header's.  False when the pipe
 * broke. */
static bool read_answer(FILE *from, char *fn, size_t nfn, char *fl,
			size_t nfl, char *in_fn, size_t nin_fn, char *in_fl,
			size_t nin_fl)
{
	char f[4096], l[512], echo[64];
	bool have = false, mine = false;

	in_fn[0] = in_fl[0] = 0;

	if (!read_line(from, echo, sizeof echo))
		return false;
	for (;;) {
		if (!read_line(from, f, sizeof f))
			return false;
		if (is_end_mark(f))
			break;
		if (!read_line(from, l, sizeof l))
			return false;
		if (!in_fl[0]) {
			/* The innermost level, where the access is. */
			copy_cut(in_fn, nin_fn, f);
			copy_cut(in_fl, nin_fl, l);
		}
		if (mine)
			continue;
		mine = !weft__system_file(l) && !weft__in_weft_headers(l) &&
		       strncmp(l, "??", 2) != 0;
		if (!have || mine) {
			snprintf(fn, nfn, "%s", f);
			snprintf(fl, nfl, "%s", l);
			have = true;
		}
	}
	return read_line(from, f, sizeof f) && read_line(from, l, sizeof l) &&
	       have;
}

bool weft__a2l_lookup(const char *path, uintptr_t addr, char *fn, size_t nfn,
		      char *fl, size_t nfl, char *in_fn, size_t nin_fn,
		      char *in_fl, size_t nin_fl)
{
	struct helper *h;

	if (!A)
		A = weft__persistent_alloc(sizeof *A);
	h = helper_for(path);
	if (!h || !helper_start(h))
		return false;
	if (!ask(h->to, addr) ||
	    !read_answer(h->from, fn, nfn, fl, nfl, in_fn, nin_fn, in_fl,
			 nin_fl)) {
		h->broken = true;
		h->to = h->from = NULL;
		return false;
	}
	return true;
}
