/* src/pthread/output_lib.c - what libraries print for the program.
 *
 * weft-cc renames the output calls in the program's own objects, so
 * output.c keeps them; but std::cout, std::cerr and std::clog write
 * through libstdc++.so, whose calls to the C library are not renamed.
 * With the standard streams synchronised with stdio (the default) its
 * stdio_sync_filebuf writes with fwrite and putc (putwc for the wide
 * streams) and flushes with fflush; after sync_with_stdio(false) its
 * stdio_filebuf writes the descriptor with write and writev; its
 * terminate handler and its assertions print with fputs, fputc and
 * fprintf.  libweft.so comes before libc in a program's library list, so
 * the functions below, with the C library's names, receive those calls
 * (and those of any other library the program uses that was not built
 * with weft-cc).  During an execution in main mode, a write to stdout or
 * stderr (descriptors 1 and 2) goes to the execution's output buffer,
 * exactly as the program's own printf does; any other call, and every
 * call weft itself makes (its internal errors must reach the terminal),
 * goes to the C library's function, found with RTLD_NEXT.
 *
 * These wrappers never block and are not scheduling points. */
#include <dlfcn.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>
#include <wchar.h>

#include "pthread/pt.h"

/* The real function: the next definition after libweft.so's (libc's). */
#define REAL(name)                                                            \
	static __typeof__(name) *real;                                        \
	if (!real)                                                            \
		*(void **)&real = dlsym(RTLD_NEXT, #name)

#define RA() ((uintptr_t)__builtin_return_address(0))

/* Whether a call made at return address ra on stream f, or on descriptor
 * fd when f is NULL, is the program's output to keep. */
static bool kept(FILE *f, int fd, uintptr_t ra)
{
	if (f)
		fd = f == stdout ? 1 : f == stderr ? 2 : -1;
	return !weft__pt_from_weft(ra) && weft__pt_output_fd_captured(fd);
}

static int fd_of(FILE *f)
{
	return f == stderr ? 2 : 1;
}

size_t fwrite(const void *p, size_t size, size_t n, FILE *f)
{
	REAL(fwrite);
	if (!kept(f, -1, RA()))
		return real(p, size, n, f);
	weft__pt_output(fd_of(f), p, size * n);
	return n;
}

/* fputc and putc, called at return address ra; real is the C library's. */
static int put_char(int c, FILE *f, uintptr_t ra, int (*real)(int, FILE *))
{
	char ch = (char)c;

	if (!kept(f, -1, ra))
		return real(c, f);
	weft__pt_output(fd_of(f), &ch, 1);
	return (unsigned char)c;
}

int fputc(int c, FILE *f)
{
	REAL(fputc);
	return put_char(c, f, RA(), real);
}

/* glibc's putc is a function as well as a macro; libstdc++ calls the
 * function (std::putc) for a character that fills its buffer. */
#undef putc
int putc(int c, FILE *f)
{
	REAL(putc);
	return put_char(c, f, RA(), real);
}

int fputs(const char *s, FILE *f)
{
	REAL(fputs);
	if (!kept(f, -1, RA()))
		return real(s, f);
	weft__pt_output(fd_of(f), s, strlen(s));
	return 1;
}

/* A wide character as the stream would write it: its multibyte form in
 * the current locale (a character the locale cannot write fails, as it
 * does on a real stream). */
#undef putwc
wint_t putwc(wchar_t wc, FILE *f)
{
	char mb[MB_LEN_MAX];
	mbstate_t st;
	size_t n;

	REAL(putwc);
	if (!kept(f, -1, RA()))
		return real(wc, f);
	memset(&st, 0, sizeof st);
	n = wcrtomb(mb, wc, &st);
	if (n == (size_t)-1)
		return WEOF;
	weft__pt_output(fd_of(f), mb, n);
	return (wint_t)wc;
}

int fprintf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	if (kept(f, -1, RA()))
		n = weft__pt_output_vf(fd_of(f), 0, fmt, ap);
	else
		n = vfprintf(f, fmt, ap);
	va_end(ap);
	return n;
}

/* What is kept was never in the stream's buffer: nothing to flush. */
int fflush(FILE *f)
{
	REAL(fflush);
	if (!f || !kept(f, -1, RA()))
		return real(f);
	return 0;
}

ssize_t write(int fd, const void *p, size_t n)
{
	REAL(write);
	if (!kept(NULL, fd, RA()))
		return real(fd, p, n);
	weft__pt_output(fd, p, n);
	return (ssize_t)n;
}

ssize_t writev(int fd, const struct iovec *iov, int cnt)
{
	ssize_t n = 0;

	REAL(writev);
	if (!kept(NULL, fd, RA()))
		return real(fd, iov, cnt);
	for (int i = 0; i < cnt; i++) {
		weft__pt_output(fd, iov[i].iov_base, iov[i].iov_len);
		n += (ssize_t)iov[i].iov_len;
	}
	return n;
}
