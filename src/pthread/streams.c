/* src/pthread/streams.c - the streams a test thread opens and closes.
 *
 * glibc frees a FILE at fclose, so a later use of it (another thread's
 * fgets racing the close) reads freed memory, a crash of the program in
 * some runs and not in others: a use of a stream a test thread closed in
 * this execution is a use-after-free.  glibc reuses the freed memory for
 * the next stream it opens, and a stream opened at the address of a closed
 * one is a new stream, not the closed one: every opener is wrapped here
 * to say so (fmemopen was not, and a thread's second fmemopen, at the
 * address of its first, was reported as a use of the closed first), and
 * a stream the program has from a call weft does not wrap is recognised
 * by glibc's own list of open streams (still_open).
 *
 * What a test thread opens is given back before the next execution by
 * files.c.  None of these calls is a scheduling point, except fclose. */
#include <errno.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <gnu/lib-names.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

#include "pthread/pt.h"
#include "modelled.h"

/* The streams a test thread closed in this execution, and where. */
static struct closed {
	const FILE *f;
	const struct weft_loc *at;
	int by;
} *closed;
static int nclosed, capclosed;

/* One more closed stream.  The list grows as needed: with a fixed 64, a
 * program that closed 70 streams and read the last was verified. */
static void note_closed(const FILE *f, const struct weft_loc *loc)
{
	if (nclosed == capclosed) {
		int cap = capclosed ? capclosed * 2 : 64;
		struct closed *p = realloc(closed, sizeof *p * (size_t)cap);
		if (!p)
			weft__limit("memory-limit", loc,
				    "weft ran out of memory recording the "
				    "streams the test closed");
		closed = p;
		capclosed = cap;
	}
	closed[nclosed++] = (struct closed){ f, loc, weft__self() };
}

static struct closed *closed_of(const FILE *f)
{
	for (int i = 0; i < nclosed; i++)
		if (closed[i].f == f)
			return &closed[i];
	return NULL;
}

/* A stream opened at the address of one closed before is a new one. */
static void reopened(const FILE *f)
{
	struct closed *c = f ? closed_of(f) : NULL;

	if (c)
		*c = closed[--nclosed];
}

/* A new stream, given back (closed) before the next execution; a memory
 * stream's unwritten output is dropped first (purge), since its buffer
 * may be memory of the program's that the next execution starts over. */
static FILE *opened(FILE *f, bool purge)
{
	reopened(f);
	if (f)
		weft__pt_keep_stream(f, purge);
	return f;
}

/* Whether glibc has f open, for a closed stream's address: a call weft
 * does not wrap may have opened a stream there since (one in the C
 * library that opens a stream for the program, setmntent).  glibc links
 * the streams fopen, fdopen, tmpfile and fopencookie (so fmemopen) make
 * into its list _IO_list_all, exported since 2.2.5 (its memory streams
 * are not in it; their openers are wrapped); _chain is a field of the
 * FILE layout its headers publish.  The list is libc's own: a program
 * naming the variable would have a copy of it, and RTLD_NEXT depends on
 * the order of loading.  Only one OS thread runs an execution, so the
 * list is read without its lock. */
#ifdef __GLIBC__
static FILE *first_open(void)
{
	static FILE *const *all;
	static bool looked;

	if (!looked) {
		void *libc = dlopen(LIBC_SO, RTLD_LAZY | RTLD_NOLOAD);
		all = libc ? dlsym(libc, "_IO_list_all") : NULL;
		looked = true;
	}
	return all ? *all : NULL;
}
#endif

static bool still_open(const FILE *f)
{
#ifdef __GLIBC__
	for (const FILE *g = first_open(); g; g = g->_chain)
		if (g == f)
			return true;
#else
	(void)f;
#endif
	return false;
}

/* The streams glibc has open hold what setvbuf gave them, the program's
 * buffer (_IO_buf_base): each FILE is a root of the leak check, and a
 * stream closed is none (its buffer is the program's to free again). */
void weft__pt_stream_roots(void (*root)(void *ctx, const char *lo,
					const char *hi),
			   void *ctx)
{
#ifdef __GLIBC__
	for (const FILE *g = first_open(); g; g = g->_chain)
		root(ctx, (const char *)g, (const char *)(g + 1));
#else
	(void)root;
	(void)ctx;
#endif
}

static void stream_check(const FILE *f, const char *call,
			 const struct weft_loc *loc)
{
	const struct closed *c = closed_of(f);

	if (c && still_open(f)) {
		reopened(f);
		return;
	}
	if (c)
		weft__fail(WEFT__K(USE_AFTER_FREE), loc,
			   "%s on a stream that thread %s closed at %s:%d "
			   "(fclose frees it)", call, weft__thread_name(c->by),
			   c->at ? weft__file_base(c->at->file) : "?",
			   c->at ? c->at->line : 0);
}

/* Whether the caller is the only thread that could run. */
static bool alone(void)
{
	int self = weft__self();

	for (int i = 0; i < weft__nthreads(); i++)
		if (i != self && !weft__thread_done(i))
			return false;
	return true;
}

bool weft__pt_point_needed(const void *obj)
{
	const uint32_t *c;

	return !alone() || weft__release_clock(obj, &c) > 0;
}

void weft__pt_stream_use(FILE *f, const char *call,
			 const struct weft_loc *loc)
{
	const void *obj;
	int e = errno;

	if (!weft__pt_live() || !f)
		return;
	/* A stream on a pipe between the threads (chan.c) moves its bytes
	 * with libc's own reads and writes, at times of its buffer's
	 * choosing, which are no steps: a read could block for real, and
	 * the data would reach a reader unseen by the explorer. */
	if (f != stdin && weft__pt_chan(fileno(f)))
		weft__limit("unsupported: stream on a pipe", loc,
			    "%s on a stream opened on a pipe, socket pair or "
			    "eventfd (fdopen): weft models the descriptor's "
			    "calls (read, write, poll ...), not a stream's "
			    "buffering on it", call);
	/* A stream on a regular file is a step on the file's contents
	 * (fs.c), which every stream and descriptor on it share. */
	obj = f == stdin ? NULL : weft__pt_file_obj(fileno(f));
	errno = e;
	if (!obj)
		obj = f;
	if (weft__pt_point_needed(obj))
		weft__point(call, obj,
			    f == stdin ? "stdin" : weft__objname(f, "stream"),
			    WEFT__ACC_WRITE, loc);
	stream_check(f, call, loc);
}

/* fopen's steps on the files' names and contents (fs.c): "w" creates
 * and truncates, "a" creates. */
static void fopen_steps(const char *path, const char *mode, uintptr_t ra)
{
	bool w = mode && mode[0] == 'w', a = mode && mode[0] == 'a';

	weft__pt_open_steps("fopen()", path, w || a, w, ra);
}

/* fopen's result, noting a file it created (fs_made.c). */
static FILE *made_stream(const char *path, bool absent, FILE *f)
{
	weft__pt_fs_made(AT_FDCWD, path, absent, f != NULL);
	return f;
}

static bool creates(const char *mode)
{
	return mode && (mode[0] == 'w' || mode[0] == 'a');
}

FILE *__weft_fopen(const char *path, const char *mode)
{
	bool absent;

	fopen_steps(path, mode, PT_RA());
	absent = creates(mode) && weft__pt_fs_absent(AT_FDCWD, path);
	return made_stream(path, absent, opened(fopen(path, mode), false));
}

FILE *__weft_fopen64(const char *path, const char *mode)
{
	bool absent;

	fopen_steps(path, mode, PT_RA());
	absent = creates(mode) && weft__pt_fs_absent(AT_FDCWD, path);
	return made_stream(path, absent, opened(fopen64(path, mode), false));
}

/* The stream owns the descriptor from now on.  A stream on a descriptor
 * this execution did not open (standard output, one from before main) is
 * not closed: that would close the descriptor for the executions after
 * it (it is flushed when the process ends, as natively). */
FILE *__weft_fdopen(int fd, const char *mode)
{
	FILE *f = fdopen(fd, mode);

	reopened(f);
	if (f && weft__pt_drop_fd(fd))
		weft__pt_keep_stream(f, false);
	return f;
}

FILE *__weft_tmpfile(void)
{
	return opened(tmpfile(), false);
}

FILE *__weft_tmpfile64(void)
{
	return opened(tmpfile64(), false);
}

FILE *__weft_fmemopen(void *buf, size_t n, const char *mode)
{
	return opened(fmemopen(buf, n, mode), true);
}

/* These three are new streams too, but not closed by weft: closing a
 * memory stream stores its buffer and size through the program's
 * pointers, and a cookie stream's close calls the program's function,
 * neither of which may run between executions. */
FILE *__weft_open_memstream(char **buf, size_t *n)
{
	FILE *f = open_memstream(buf, n);

	reopened(f);
	return f;
}

FILE *__weft_open_wmemstream(wchar_t **buf, size_t *n)
{
	FILE *f = open_wmemstream(buf, n);

	reopened(f);
	return f;
}

FILE *__weft_fopencookie(void *cookie, const char *mode,
			 cookie_io_functions_t io)
{
	FILE *f = fopencookie(cookie, mode, io);

	reopened(f);
	return f;
}

/* A step on the stream, which its reads are too (input.c), so the
 * explorer tries a read after the close. */
int __weft_fclose(FILE *f)
{
	const struct weft_loc *loc = PT_LOC();

	if (weft__pt_live() && f) {
		weft__pt_stream_use(f, "fclose()", loc);
		note_closed(f, loc);
	}
	weft__pt_drop_stream(f);
	return fclose(f);
}

void weft__pthread_streams_begin(void)
{
	nclosed = 0;
}
