/* src/detect/race_sym.c - source locations for code addresses.
 *
 * pthread calls and instrumented accesses arrive with a return address, not
 * a file and line.  Traces and race reports need the line, so each new
 * address is translated once by an addr2line child process kept running
 * for the life of the worker (it answers one address per line on a pipe)
 * and cached in persistent memory: one child for the executable, and one
 * for each of the program's own shared libraries that code runs in
 * (weft__user_object; the system's libraries are named by their file
 * alone).  A process that cannot symbolize (no
 * addr2line, no debug information) still gets the function name from the
 * dynamic symbol table, or the raw address. */
#include <dlfcn.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <link.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "detect/race.h"
#include "report/report.h"

#define CACHE_BITS 12

struct entry {
	uintptr_t pc;
	struct weft_loc loc;
	const char *via;           /* the library code inlined at loc that
				      made the access, or NULL */
};

/* An addr2line child for one object: the executable, or one of the
 * program's own shared libraries (weft__user_object). */
#define MAX_HELPERS 8
struct helper {
	pid_t owner;                  /* process that started it */
	FILE *to, *from;              /* pipes to and from addr2line */
	bool broken;                  /* it could not be started */
	char path[512];               /* the object; "" the executable */
};

struct symstate {
	struct entry cache[1u << CACHE_BITS];
	int nentries;
	struct helper h[MAX_HELPERS];
	int nhelpers;
};
static struct symstate *Y;

static const char *persist_str(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = weft__persistent_alloc(n);

	memcpy(p, s, n);
	return p;
}

/* Start addr2line reading addresses of object h->path (the executable
 * for "") from a pipe; it flushes its answer to each line, so one child
 * serves every lookup of this process in that object. */
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

/* A pipe whose ends are above the standard streams and closed on exec: a
 * program that closed its stdin got the pipe's read end as fd 0, which
 * the child's dup2 left alone and then closed, so addr2line exited and
 * weft's next write killed the worker (SIGPIPE, reported as a crash of
 * the program); one that closed stdout lost every source location. */
static bool high_pipe(int p[2])
{
	if (pipe(p) != 0)
		return false;
	for (int i = 0; i < 2; i++) {
		int fd = fcntl(p[i], F_DUPFD_CLOEXEC, 3);
		if (fd < 0) {
			close(p[0]);
			close(p[1]);
			return false;
		}
		close(p[i]);
		p[i] = fd;
	}
	return true;
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
		close(in[0]);
		close(in[1]);
		return false;
	}
	pid = fork();
	if (pid < 0)
		return false;
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
	close(in[0]);
	close(out[1]);
	h->to = fdopen(in[1], "w");
	h->from = fdopen(out[0], "r");
	h->broken = !h->to || !h->from;
	return !h->broken;
}

/* The helper for the object at path (NULL: the executable), made on first
 * use; NULL when there is no room for another. */
static struct helper *helper_for(const char *path)
{
	const char *p = path ? path : "";

	for (int i = 0; i < Y->nhelpers; i++)
		if (!strcmp(Y->h[i].path, p))
			return &Y->h[i];
	if (Y->nhelpers == MAX_HELPERS || strlen(p) >= sizeof Y->h[0].path)
		return NULL;
	struct helper *h = &Y->h[Y->nhelpers++];
	snprintf(h->path, sizeof h->path, "%s", p);
	return h;
}

/* The address as addr2line wants it: relative to the load address for a
 * position-independent executable. */
static uintptr_t file_addr(uintptr_t pc, const Dl_info *di)
{
	const ElfW(Ehdr) *eh = di->dli_fbase;

	if (eh && eh->e_type == ET_DYN)
		return pc - (uintptr_t)di->dli_fbase;
	return pc;
}

/* A function's name to keep: C++ names demangled (see symbols.c). */
static const char *func_name(const char *name)
{
	char *dm = weft__demangle(name, true);
	const char *s = persist_str(dm ? dm : name);

	free(dm);
	return s;
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
static bool weft_header(const char *l)
{
	static char inc[512];
	static size_t n;
	static bool tried;
	Dl_info di;

	if (!tried) {
		tried = true;
		if (dladdr((void *)&weft_header, &di) && di.dli_fname &&
		    di.dli_fname[0] == '/') {
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
		mine = !weft__system_file(l) && !weft_header(l) &&
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

/* A demangled C++ name without its parameters and its return type
 * ("std::enable_if<...>::type std::swap<int*>(int*&, int*&)" is
 * "std::swap<int*>"), in place. */
static void short_func(char *s)
{
	int depth = 0;
	char *start = s;

	for (char *p = s; *p; p++) {
		if (*p == '<')
			depth++;
		else if (*p == '>' && depth > 0)
			depth--;
		else if (*p == '(' && depth == 0 && p > s) {
			*p = 0;
			break;
		} else if (*p == ' ' && depth == 0)
			start = p + 1;
	}
	if (start != s)
		memmove(s, start, strlen(start) + 1);
}

/* "func at file:line" of the innermost level of inlining when it is
 * library code (the system's headers, or weft's) inlined at the line kept:
 * a race inside std::atomic<std::shared_ptr>'s code was shown at the
 * program's line alone, as if the program's own access (a probe of C++
 * programs).  Function names are cut to a readable length. */
static const char *via_of(char *in_fn, char *in_fl, const char *fl)
{
	const char *base;
	char buf[400];

	in_fn[strcspn(in_fn, "\n")] = 0;
	weft__strip_place(in_fl);
	if (!in_fl[0] || !strcmp(in_fl, fl) || strncmp(in_fl, "??", 2) == 0 ||
	    !(weft__system_file(in_fl) || weft_header(in_fl)))
		return NULL;
	base = strrchr(in_fl, '/');
	base = base ? base + 1 : in_fl;
	char *dm = weft__demangle(in_fn, true);
	char *name = dm ? dm : in_fn;

	short_func(name);
	/* Within the buffer whatever the lengths (gcc at -O1 warned of a
	 * possible truncation, an error under -Werror). */
	if (strlen(name) > 100)
		snprintf(buf, sizeof buf, "%.97s... at %.290s", name, base);
	else
		snprintf(buf, sizeof buf, "%.100s at %.290s", name, base);
	free(dm);
	return persist_str(buf);
}

static void lookup(uintptr_t pc, struct weft_loc *loc, const char **via)
{
	struct helper *h = NULL;
	Dl_info di;
	/* A C++ function's mangled name runs to hundreds of characters: cut
	 * at 255, it could not be demangled (a probe of C++ programs). */
	char fn[4096], fl[512], in_fn[1024], in_fl[512];
	char *colon;

	*via = NULL;
	memset(&di, 0, sizeof di);
	loc->file = "?";
	loc->line = 0;
	loc->func = NULL;
	if (!dladdr((void *)pc, &di)) {
		loc->func = "?";
		return;
	}
	if (di.dli_sname)
		loc->func = func_name(di.dli_sname);
	/* The executable's lines, and those of the program's own libraries
	 * (a library under test linked to it); for another object, its
	 * name, without a line. */
	if (weft__in_executable(pc)) {
		h = helper_for(NULL);
	} else {
		if (weft__user_object(di.dli_fname))
			h = helper_for(di.dli_fname);
		if (di.dli_fname)
			loc->file = persist_str(di.dli_fname);
	}
	if (!h || !helper_start(h))
		return;
	if (!ask(h->to, file_addr(pc, &di)) ||
	    !read_answer(h->from, fn, sizeof fn, fl, sizeof fl, in_fn,
			 sizeof in_fn, in_fl, sizeof in_fl)) {
		h->broken = true;
		h->to = h->from = NULL;
		return;
	}
	fn[strcspn(fn, "\n")] = 0;
	weft__strip_place(fl);
	*via = via_of(in_fn, in_fl, fl);
	if (strcmp(fn, "??") != 0)
		loc->func = func_name(fn);
	colon = strrchr(fl, ':');
	if (colon && colon[1] != '?' && strncmp(fl, "??", 2) != 0) {
		*colon = 0;
		loc->file = persist_str(fl);
		loc->line = atoi(colon + 1);
	}
}

/* pc's entry, looked up the first time it is asked for; NULL when the
 * cache is full. */
static const struct entry *persistent_entry(uintptr_t pc)
{
	uint64_t h = (pc * 0x9e3779b97f4a7c15ULL) >> (64 - CACHE_BITS);
	struct entry *e;

	for (;; h++) {
		e = &Y->cache[h & ((1u << CACHE_BITS) - 1)];
		if (e->pc == pc)
			return e;
		if (!e->pc)
			break;
	}
	if (Y->nentries >= (1 << CACHE_BITS) * 3 / 4)
		return NULL;
	/* A return address points after the call: look up the call. */
	lookup(pc - 1, &e->loc, &e->via);
	e->pc = pc;
	Y->nentries++;
	return e;
}

static const struct weft_loc *persistent_loc(uintptr_t pc)
{
	static const struct weft_loc unknown = { "?", 0, "?" };
	const struct entry *e = persistent_entry(pc);

	return e ? &e->loc : &unknown;
}

const char *weft__pc_via(uintptr_t pc)
{
	const struct entry *e;

	if (pc & WEFT__PC_LOC_TAG)
		return NULL;
	e = persistent_entry(pc);
	return e ? e->via : NULL;
}

/* Traces are printed by the parent process from memory shared with the
 * worker, so a location shown in a trace must be in the core's name pool,
 * which is rewound every execution.  Each execution therefore copies the
 * locations it uses into the pool once (a per-execution table).  The
 * table is persistent and its entries carry the execution's generation:
 * one of another generation is empty, so starting an execution clears
 * nothing (clearing the 16 KiB table at every execution's first atomic
 * was a few percent of a small program's time). */
#define EXEC_BITS 10

struct exec_entry {
	uintptr_t pc;
	const struct weft_loc *loc;
	uint64_t gen;                  /* 64 bits: never wraps */
};
static struct exec_entry *X;   /* persistent, 1 << EXEC_BITS entries */
static uint64_t xgen = 1;      /* this execution's generation; 0 is empty */
static int xn;

static const struct weft_loc *pool_loc(const struct weft_loc *p)
{
	char room[sizeof(struct weft_loc) + 16];
	char *raw;
	struct weft_loc *l;

	memset(room, 'x', sizeof room - 1);
	room[sizeof room - 1] = 0;
	raw = (char *)weft__intern(room);
	if (raw == room || strlen(raw) != sizeof room - 1)
		return p; /* no pool (outside a worker) or the pool is full */
	l = (struct weft_loc *)(((uintptr_t)raw + 7) & ~(uintptr_t)7);
	l->file = weft__intern(p->file);
	l->line = p->line;
	l->func = p->func ? weft__intern(p->func) : NULL;
	return l;
}

const struct weft_loc *weft__pc_loc(uintptr_t pc)
{
	static const struct weft_loc unknown = { "?", 0, NULL };

	if (pc & WEFT__PC_LOC_TAG) {
		const struct weft_loc *l =
			(const struct weft_loc *)(pc & ~WEFT__PC_LOC_TAG);
		return l ? l : &unknown;
	}
	const struct weft_loc *p = persistent_loc(pc);
	uint64_t h = (pc * 0x9e3779b97f4a7c15ULL) >> (64 - EXEC_BITS);

	if (!weft__race_on)
		return p;
	if (!X)
		X = weft__persistent_alloc(sizeof *X << EXEC_BITS);
	for (;; h++) {
		struct exec_entry *e = &X[h & ((1u << EXEC_BITS) - 1)];
		if (e->gen != xgen) {
			if (xn >= (1 << EXEC_BITS) * 3 / 4)
				return p;
			e->pc = pc;
			e->loc = pool_loc(p);
			e->gen = xgen;
			xn++;
			return e->loc;
		}
		if (e->pc == pc)
			return e->loc;
	}
}

void weft__detect_race_sym_begin(void)
{
	xgen++;
	xn = 0;
}

__attribute__((constructor)) static void sym_init(void)
{
	Y = weft__persistent_alloc(sizeof *Y);
}
