/* src/tsan/libc_mem.c - C library calls outside the string family that
 * read or write the program's memory, as the race detector sees them.
 *
 * The C library is not built with weft-cc, so what its code reads and
 * writes of the program's memory is seen only where a wrapper says so
 * (string.c for the string functions).  A probe found a thread calling
 * strsep, dirname, strftime or localtime_r on a buffer another thread
 * read, each verified in one schedule (natively the reader saw the
 * change in 6 to 50% of runs), and the same for a reading side
 * (strcasecmp against a writer).  Each wrapper here checks the bytes the
 * call reads and writes, in the call's order, then makes the real call:
 * test threads are fibers on one OS thread, so nothing changes them in
 * between.  A write is checked as the bytes the call stores (the result's
 * length), a read as far as the call reads (a comparison up to the first
 * difference, a search up to the match).  Outside an execution the checks
 * do nothing. */
#include <ctype.h>
#include <fnmatch.h>
#include <libgen.h>
#include <string.h>
#include <strings.h>

#include "detect/race.h"
#include "modelled.h"
#include "tsan/tsan.h"

#define PC() WEFT__CALLER_PC()
#define rd weft__tsan_rd
#define wr weft__tsan_wr

static size_t str_size(const char *s)
{
	return s ? strlen(s) + 1 : 0;
}

/* ---- tokens and paths ------------------------------------------------------ */

char *__weft_strsep(char **sp, const char *delim)
{
	uintptr_t pc = PC();
	char *s;

	rd(sp, sizeof *sp, pc);
	s = *sp;
	rd(delim, str_size(delim), pc);
	if (s) {
		size_t n = strcspn(s, delim);
		rd(s, n + 1, pc);
		if (s[n])
			wr(s + n, 1, pc);
		wr(sp, sizeof *sp, pc);
	}
	return strsep(sp, delim);
}

/* dirname and the POSIX basename may end the path early by storing a
 * terminator into it: the bytes they changed are the write (found on a
 * copy made first; a path longer than the copy is taken as written
 * whole). */
static void path_edit(char *path, char *(*fn)(char *), char **out,
		      uintptr_t pc)
{
	char before[512];
	size_t n = str_size(path);

	rd(path, n, pc);
	if (!path || n > sizeof before) {
		*out = fn(path);
		if (path)
			wr(path, n, pc);
		return;
	}
	memcpy(before, path, n);
	*out = fn(path);
	for (size_t i = 0; i < n; i++)
		if (path[i] != before[i])
			wr(path + i, 1, pc);
}

char *__weft_dirname(char *path)
{
	char *r;

	path_edit(path, dirname, &r, PC());
	return r;
}

char *__weft___xpg_basename(char *path)
{
	char *r;

	path_edit(path, __xpg_basename, &r, PC());
	return r;
}

ssize_t __weft_readlink(const char *path, char *buf, size_t n)
{
	ssize_t r;

	rd(path, str_size(path), PC());
	r = readlink(path, buf, n);
	if (r > 0)
		wr(buf, (size_t)r, PC());
	return r;
}

/* ---- time ------------------------------------------------------------------ */

struct tm *__weft_localtime_r(const time_t *t, struct tm *out)
{
	rd(t, sizeof *t, PC());
	wr(out, sizeof *out, PC());
	return localtime_r(t, out);
}

struct tm *__weft_gmtime_r(const time_t *t, struct tm *out)
{
	rd(t, sizeof *t, PC());
	wr(out, sizeof *out, PC());
	return gmtime_r(t, out);
}

char *__weft_ctime_r(const time_t *t, char *buf)
{
	char *r;

	rd(t, sizeof *t, PC());
	r = ctime_r(t, buf);
	if (r)
		wr(buf, strlen(buf) + 1, PC());
	return r;
}

char *__weft_asctime_r(const struct tm *tm, char *buf)
{
	char *r;

	rd(tm, sizeof *tm, PC());
	r = asctime_r(tm, buf);
	if (r)
		wr(buf, strlen(buf) + 1, PC());
	return r;
}

size_t __weft_strftime(char *s, size_t max, const char *fmt,
		       const struct tm *tm)
{
	size_t n;

	rd(fmt, str_size(fmt), PC());
	rd(tm, sizeof *tm, PC());
	n = strftime(s, max, fmt, tm);
	if (n)
		wr(s, n + 1, PC());
	return n;
}

/* ---- conversions ----------------------------------------------------------- */

const char *__weft_inet_ntop(int af, const void *src, char *dst,
			     socklen_t size)
{
	const char *r;

	rd(src, af == AF_INET6 ? 16 : 4, PC());
	r = inet_ntop(af, src, dst, size);
	if (r)
		wr(dst, strlen(dst) + 1, PC());
	return r;
}

/* The GNU form: the message may be a constant string, not buf. */
char *__weft_strerror_r(int e, char *buf, size_t n)
{
	char *r = strerror_r(e, buf, n);

	if (r == buf)
		wr(buf, strlen(buf) + 1, PC());
	return r;
}

/* The XSI form, what strerror_r is without _GNU_SOURCE: it always fills
 * buf (two threads sharing one buffer were verified: a probe).  string.h
 * declares it only without _GNU_SOURCE. */
extern int __xpg_strerror_r(int e, char *buf, size_t n);

int __weft___xpg_strerror_r(int e, char *buf, size_t n)
{
	int r = __xpg_strerror_r(e, buf, n);

	if (n)
		wr(buf, strnlen(buf, n - 1) + 1, PC());
	return r;
}

size_t __weft_strxfrm(char *d, const char *s, size_t n)
{
	size_t r;

	rd(s, str_size(s), PC());
	r = strxfrm(d, s, n);
	if (n)
		wr(d, r < n ? r + 1 : n, PC());
	return r;
}

void *__weft_memccpy(void *d, const void *s, int c, size_t n)
{
	void *r = memccpy(d, s, c, n);
	size_t k = r ? (size_t)((char *)r - (char *)d) : n;

	rd(s, k, PC());
	wr(d, k, PC());
	return r;
}

wchar_t *__weft_wcscpy(wchar_t *d, const wchar_t *s)
{
	size_t n = (wcslen(s) + 1) * sizeof *s;

	rd(s, n, PC());
	wr(d, n, PC());
	return wcscpy(d, s);
}

/* ---- searches and comparisons ---------------------------------------------- */

/* What strcasecmp and strncasecmp read of each string: up to the first
 * difference (case folded) or the shared terminator. */
static size_t case_compared(const char *a, const char *b, size_t n)
{
	size_t i = 0;

	while (i < n && a[i] &&
	       tolower((unsigned char)a[i]) == tolower((unsigned char)b[i]))
		i++;
	return i < n ? i + 1 : n;
}

int __weft_strcasecmp(const char *a, const char *b)
{
	size_t n = case_compared(a, b, (size_t)-1);

	rd(a, n, PC());
	rd(b, n, PC());
	return strcasecmp(a, b);
}

int __weft_strncasecmp(const char *a, const char *b, size_t max)
{
	size_t n = case_compared(a, b, max);

	rd(a, n, PC());
	rd(b, n, PC());
	return strncasecmp(a, b, max);
}

size_t __weft_strspn(const char *s, const char *accept)
{
	size_t r = strspn(s, accept);

	rd(accept, str_size(accept), PC());
	rd(s, r + 1, PC());
	return r;
}

size_t __weft_strcspn(const char *s, const char *reject)
{
	size_t r = strcspn(s, reject);

	rd(reject, str_size(reject), PC());
	rd(s, r + 1, PC());
	return r;
}

char *__weft_strpbrk(const char *s, const char *accept)
{
	char *r = strpbrk(s, accept);

	rd(accept, str_size(accept), PC());
	rd(s, r ? (size_t)(r - s) + 1 : strlen(s) + 1, PC());
	return r;
}

void *__weft_memrchr(const void *s, int c, size_t n)
{
	void *r = memrchr(s, c, n);
	const char *from = r ? r : s;

	rd(from, n - (size_t)(from - (const char *)s), PC());
	return r;
}

void *__weft_rawmemchr(const void *s, int c)
{
	void *r = rawmemchr(s, c);

	rd(s, (size_t)((char *)r - (const char *)s) + 1, PC());
	return r;
}

void *__weft_memmem(const void *h, size_t hl, const void *n, size_t nl)
{
	void *r = memmem(h, hl, n, nl);

	rd(n, nl, PC());
	rd(h, r ? (size_t)((char *)r - (const char *)h) + nl : hl, PC());
	return r;
}

/* A match may read all of both strings: taken as reading them whole. */
int __weft_fnmatch(const char *pat, const char *s, int flags)
{
	rd(pat, str_size(pat), PC());
	rd(s, str_size(s), PC());
	return fnmatch(pat, s, flags);
}

/* strcoll and strverscmp read what strcmp reads: all a C locale's
 * strcoll reads, and the least of what another locale's, or strverscmp
 * over a run of digits, may read; a race past it is missed rather than a
 * read claimed that may not happen. */
int __weft_strcoll(const char *a, const char *b)
{
	size_t n = weft__tsan_compared(a, b, (size_t)-1);

	rd(a, n, PC());
	rd(b, n, PC());
	return strcoll(a, b);
}

int __weft_strverscmp(const char *a, const char *b)
{
	size_t n = weft__tsan_compared(a, b, (size_t)-1);

	rd(a, n, PC());
	rd(b, n, PC());
	return strverscmp(a, b);
}
