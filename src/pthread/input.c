/* src/pthread/input.c - reading streams and descriptors.
 *
 * A read takes the next bytes of a stream or descriptor and moves its
 * position: when threads share one input (a worker pool pulling lines
 * from one FILE), which thread gets which line is decided by the order
 * of their reads, and a thread that finds end of file does no work at
 * all.  So each read by a test thread is a scheduling point, a write of
 * the stream (or of the descriptor, for read()), and the explorer tries
 * the other orders of two threads' reads of the same input.  Without it
 * the reads were invisible: the first worker read the whole file in every
 * schedule, and a race between the workers' handling of their lines was
 * verified.  The point also orders the reads for the race detector, as
 * the stream's own lock does natively, and the bytes a read stores in the
 * program's buffer are checked as a write (a buffer another thread reads
 * unordered, or one already freed).
 *
 * A read that could block (a pipe, socket or terminal other than the
 * standard input weft saved) ends the execution as inconclusive, as in
 * io.c.  Only the common readers are interposed (the scanf family among
 * them); getc_unlocked and the like stay libc's own and are not
 * scheduling points. */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pthread/pt.h"
#include "detect/race.h"
#include "modelled.h"
#include "tsan/tsan.h"

/* glibc declares the checked forms only when _FORTIFY_SOURCE is on. */
char *__fgets_chk(char *s, size_t size, int n, FILE *f);
size_t __fread_chk(void *p, size_t plen, size_t size, size_t n, FILE *f);
ssize_t __read_chk(int fd, void *p, size_t n, size_t plen);

/* One object per descriptor number, for the points of read(). */
#define FD_OBJS 1024
static char fd_obj[FD_OBJS];

/* The scheduling point before a read of stream f by call, and the checks
 * that it was not closed and can be read without blocking, made after the
 * point (a close by another thread may come in between). */
static void stream_point(const char *call, FILE *f, const struct weft_loc *loc)
{
	int e = errno;

	if (!weft__pt_live() || !f)
		return;
	/* A cancellation point, as the stdio writers are (output.c): POSIX
	 * lets the readers be one, and glibc's are whenever they read the
	 * descriptor. */
	weft__pt_cancel_check(loc);
	weft__pt_stream_use(f, call, loc);
	/* fileno of a memory stream sets EBADF: the program's errno is as
	 * it left it (one that checked errno after reading to the end
	 * exited with an error under weft only). */
	weft__pt_input_check(fileno(f), call, loc);
	errno = e;
}

/* The same before a read of descriptor fd, a cancellation point (as a
 * channel's read is, chan.c) that acts on a request pending. */
void weft__pt_fd_read_point(const char *call, int fd,
			    const struct weft_loc *loc)
{
	const void *file;

	if (!weft__pt_live())
		return;
	weft__pt_cancel_check(loc);
	weft__pt_input_check(fd, call, loc);
	/* A regular file's read is a step on its contents (fs.c), which
	 * every descriptor and stream on it share. */
	file = fd > 0 ? weft__pt_file_obj(fd) : NULL;
	if (file) {
		if (weft__pt_point_needed(file))
			weft__point(call, file, "file", WEFT__ACC_WRITE, loc);
		return;
	}
	if (fd >= 0 && fd < FD_OBJS && weft__pt_point_needed(&fd_obj[fd]))
		weft__point(call, &fd_obj[fd],
			    fd == 0 ? "fd 0" : weft__internf("fd %d", fd),
			    WEFT__ACC_WRITE, loc);
}

static char *stored_str(char *s, uintptr_t pc)
{
	if (s)
		weft__race_access(s, strlen(s) + 1, WEFT__RACE_WRITE, pc);
	return s;
}

ssize_t __weft_read(int fd, void *p, size_t n)
{
	if (weft__pt_chan(fd))
		return weft__pt_stored(p,
				       weft__pt_chan_read("read", fd, p, n, -1,
							  NULL, NULL, PT_LOC()),
				       1, PT_RA());
	weft__pt_chan_closed_use(fd, "read", PT_LOC());
	weft__pt_fd_read_point("read()", fd, PT_LOC());
	return weft__pt_stored(p, read(fd, p, n), 1, PT_RA());
}

ssize_t __weft___read_chk(int fd, void *p, size_t n, size_t plen)
{
	/* A buffer smaller than the count is the checked call's own
	 * failure (it aborts before reading), whatever fd is. */
	if (n > plen)
		return __read_chk(fd, p, n, plen);
	if (weft__pt_chan(fd))
		return weft__pt_stored(p,
				       weft__pt_chan_read("read", fd, p, n, -1,
							  NULL, NULL, PT_LOC()),
				       1, PT_RA());
	weft__pt_fd_read_point("read()", fd, PT_LOC());
	return weft__pt_stored(p, __read_chk(fd, p, n, plen), 1, PT_RA());
}

int __weft_getchar(void)
{
	stream_point("getchar()", stdin, PT_LOC());
	return getchar();
}

int __weft_fgetc(FILE *f)
{
	stream_point("fgetc()", f, PT_LOC());
	return fgetc(f);
}

int __weft_getc(FILE *f)
{
	stream_point("getc()", f, PT_LOC());
	return getc(f);
}

char *__weft_fgets(char *s, int n, FILE *f)
{
	stream_point("fgets()", f, PT_LOC());
	return stored_str(fgets(s, n, f), PT_RA());
}

char *__weft___fgets_chk(char *s, size_t size, int n, FILE *f)
{
	stream_point("fgets()", f, PT_LOC());
	return stored_str(__fgets_chk(s, size, n, f), PT_RA());
}

size_t __weft_fread(void *p, size_t size, size_t n, FILE *f)
{
	stream_point("fread()", f, PT_LOC());
	return (size_t)weft__pt_stored(p, (ssize_t)fread(p, size, n, f), size,
				       PT_RA());
}

size_t __weft___fread_chk(void *p, size_t plen, size_t size, size_t n,
			  FILE *f)
{
	stream_point("fread()", f, PT_LOC());
	return (size_t)weft__pt_stored(
		p, (ssize_t)__fread_chk(p, plen, size, n, f), size, PT_RA());
}

/* ---- the scanf family ---------------------------------------------------- */

/* glibc's two scanf families: the plain names keep the GNU meaning of %a
 * (allocate, as %m does) for programs built as GNU89; the C99 spellings,
 * which <stdio.h> gives most programs, read it as a float.  weft's own
 * build gets the C99 ones by the plain names, so the GNU ones are named
 * by their symbols. */
int weft_gnu_vfscanf(FILE *f, const char *fmt, va_list ap) __asm__("vfscanf");

/* A read of stream f (a scheduling point, as fgets is), and the stores
 * libc made through the arguments, checked as the program's writes
 * (tsan/scanfmt.c): `scanf("%d", &shared)` against another thread's
 * update of shared was verified (a probe with SV-COMP's tasks). */
static int scan_stream(const char *call, FILE *f, const char *fmt, va_list ap,
		       bool c99, uintptr_t ra)
{
	va_list cp;
	int n;

	stream_point(call, f, weft__pc_loc(ra));
	va_copy(cp, ap);
	n = c99 ? vfscanf(f, fmt, ap) : weft_gnu_vfscanf(f, fmt, ap);
	weft__scan_stores(fmt, cp, n, !c99, ra);
	va_end(cp);
	return n;
}

/* Each entry point, by its name, its stream, and the family it is. */
#define SCAN_VARIADIC(name, call, c99)                                        \
	int __weft_##name(const char *fmt, ...)                               \
	{                                                                     \
		va_list ap;                                                   \
		int n;                                                        \
		va_start(ap, fmt);                                            \
		n = scan_stream(call, stdin, fmt, ap, c99, PT_RA());          \
		va_end(ap);                                                   \
		return n;                                                     \
	}
#define FSCAN_VARIADIC(name, call, c99)                                       \
	int __weft_##name(FILE *f, const char *fmt, ...)                      \
	{                                                                     \
		va_list ap;                                                   \
		int n;                                                        \
		va_start(ap, fmt);                                            \
		n = scan_stream(call, f, fmt, ap, c99, PT_RA());              \
		va_end(ap);                                                   \
		return n;                                                     \
	}

SCAN_VARIADIC(scanf, "scanf()", false)
SCAN_VARIADIC(__isoc99_scanf, "scanf()", true)
FSCAN_VARIADIC(fscanf, "fscanf()", false)
FSCAN_VARIADIC(__isoc99_fscanf, "fscanf()", true)

int __weft_vscanf(const char *fmt, va_list ap)
{
	return scan_stream("vscanf()", stdin, fmt, ap, false, PT_RA());
}

int __weft___isoc99_vscanf(const char *fmt, va_list ap)
{
	return scan_stream("vscanf()", stdin, fmt, ap, true, PT_RA());
}

int __weft_vfscanf(FILE *f, const char *fmt, va_list ap)
{
	return scan_stream("vfscanf()", f, fmt, ap, false, PT_RA());
}

int __weft___isoc99_vfscanf(FILE *f, const char *fmt, va_list ap)
{
	return scan_stream("vfscanf()", f, fmt, ap, true, PT_RA());
}

/* ---- getline and getdelim ------------------------------------------------ */

/* glibc's getline grows the program's buffer with glibc's own realloc,
 * which aborted on a buffer the program had from malloc (a block of
 * weft's tracked heap).  So glibc reads the line into a buffer of its
 * own, and the line is copied into the program's buffer, grown as glibc
 * grows it (to twice its size, or more for a longer line; 120 bytes for
 * none) with weft's realloc: the buffer is the program's block, checked,
 * freed and reported as leaked like its others.  Each test thread has a
 * buffer of its own, kept for the next call: the growth (a free) or a
 * racing site on the copy is a scheduling point, where another thread's
 * getline must not overwrite the line not yet copied. */
static struct {
	char *p;
	size_t cap;
} line_buf[WEFT__MAX_THREADS];

#define LINE_FIRST 120 /* glibc's first buffer */

/* The new capacity for a line of need bytes (its terminator included),
 * or 0 when the buffer holds it. */
static size_t line_grow(char *line, size_t cap, size_t need)
{
	if (!line || cap == 0)
		return need > LINE_FIRST ? need : LINE_FIRST;
	if (need <= cap)
		return 0;
	return need < cap * 2 && cap * 2 > cap ? cap * 2 : need;
}

static ssize_t read_delim(char **line, size_t *cap, int delim, FILE *f,
			  const char *what, uintptr_t ra)
{
	int self = weft__self();
	bool own = weft__pt_live() && self >= 0 && self < WEFT__MAX_THREADS;
	char *local = NULL, **buf = own ? &line_buf[self].p : &local;
	size_t local_cap = 0, *buf_cap = own ? &line_buf[self].cap : &local_cap;
	size_t grow;
	ssize_t got;

	/* Outside the tracked heap the buffer is libc's (a destructor's). */
	if (!weft__pt_heap_tracked() || !line || !cap)
		return getdelim(line, cap, delim, f);
	/* getline reads the program's pointer and size, and writes them
	 * when the buffer grows: accesses another thread's may race with. */
	weft__race_access(line, sizeof *line, 0, ra);
	weft__race_access(cap, sizeof *cap, 0, ra);
	got = getdelim(buf, buf_cap, delim, f);
	grow = line_grow(*line, *cap, got > 0 ? (size_t)got + 1 : 0);
	if (grow) {
		/* glibc allocates a new buffer over a size of 0, leaving the
		 * old one to the program. */
		char *q = weft__pt_realloc(*cap ? *line : NULL, grow, what, ra);
		if (!q) {
			errno = ENOMEM;
			got = -1;
		} else {
			weft__race_access(line, sizeof *line,
					  WEFT__RACE_WRITE, ra);
			weft__race_access(cap, sizeof *cap, WEFT__RACE_WRITE,
					  ra);
			*line = q;
			*cap = grow;
		}
	}
	if (got > 0) {
		weft__race_access(*line, (size_t)got + 1, WEFT__RACE_WRITE, ra);
		memcpy(*line, *buf, (size_t)got + 1);
	}
	free(local);
	return got;
}

ssize_t __weft_getline(char **line, size_t *cap, FILE *f)
{
	stream_point("getline()", f, PT_LOC());
	return read_delim(line, cap, '\n', f, "getline", PT_RA());
}

ssize_t __weft_getdelim(char **line, size_t *cap, int delim, FILE *f)
{
	stream_point("getdelim()", f, PT_LOC());
	return read_delim(line, cap, delim, f, "getdelim", PT_RA());
}

/* What glibc's inline getline calls (bits/stdio.h, compiled with
 * _GNU_SOURCE and optimisation): it bypassed the model, so glibc grew
 * the program's buffer again (an abort) and nothing was checked. */
ssize_t __weft___getdelim(char **line, size_t *cap, int delim, FILE *f)
{
	const char *call = delim == '\n' ? "getline()" : "getdelim()";

	stream_point(call, f, PT_LOC());
	return read_delim(line, cap, delim, f,
			  delim == '\n' ? "getline" : "getdelim", PT_RA());
}
