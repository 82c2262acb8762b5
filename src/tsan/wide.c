/* src/tsan/wide.c - the C library's wide-character string functions,
 * and the conversion into them, as the race detector sees them.
 *
 * The narrow functions are checked (string.c, libc_mem.c) and so was
 * wcscpy, but a probe of pthread programs found wcslen, wcsncpy, wcsncat,
 * wmemcpy, wmemset and mbstowcs on a buffer another thread read or wrote
 * verified in one schedule: the C library is not built with weft-cc, so
 * what it reads and writes is seen only where a wrapper says so.  Each
 * wrapper here checks the bytes the call reads and writes, as its narrow
 * sibling does (a string up to its terminator, a comparison up to the
 * first difference, all n characters of a wmem call), then makes the
 * real call; test threads are fibers on one OS thread, so nothing changes
 * the bytes in between.  Outside an execution the checks do nothing. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "detect/race.h"
#include "modelled.h"
#include "tsan/tsan.h"

#define PC() WEFT__CALLER_PC()
#define rd weft__tsan_rd
#define wr weft__tsan_wr
#define W sizeof(wchar_t)

/* Characters read of a and b by a comparison of at most n: up to the
 * first difference or the shared terminator, inclusive. */
static size_t wcompared(const wchar_t *a, const wchar_t *b, size_t n)
{
	size_t i = 0;

	while (i < n && a[i] == b[i] && a[i])
		i++;
	return i < n ? i + 1 : n;
}

size_t __weft_wcslen(const wchar_t *s)
{
	size_t n = wcslen(s);

	rd(s, (n + 1) * W, PC());
	return n;
}

size_t __weft_wcsnlen(const wchar_t *s, size_t max)
{
	size_t n = wcsnlen(s, max);

	rd(s, (n < max ? n + 1 : n) * W, PC());
	return n;
}

/* wcsncpy reads the source up to its terminator or n characters and
 * writes all n of the destination (the rest padded with zeros). */
wchar_t *__weft_wcsncpy(wchar_t *d, const wchar_t *s, size_t n)
{
	size_t k = wcsnlen(s, n);

	rd(s, (k < n ? k + 1 : k) * W, PC());
	wr(d, n * W, PC());
	return wcsncpy(d, s, n);
}

wchar_t *__weft_wcscat(wchar_t *d, const wchar_t *s)
{
	size_t dl = wcslen(d), sl = wcslen(s) + 1;

	rd(d, (dl + 1) * W, PC());
	rd(s, sl * W, PC());
	wr(d + dl, sl * W, PC());
	return wcscat(d, s);
}

/* wcsncat appends at most n characters of s and a terminator. */
wchar_t *__weft_wcsncat(wchar_t *d, const wchar_t *s, size_t n)
{
	size_t dl = wcslen(d), k = wcsnlen(s, n);

	rd(d, (dl + 1) * W, PC());
	rd(s, (k < n ? k + 1 : k) * W, PC());
	wr(d + dl, (k + 1) * W, PC());
	return wcsncat(d, s, n);
}

int __weft_wcscmp(const wchar_t *a, const wchar_t *b)
{
	size_t n = wcompared(a, b, (size_t)-1);

	rd(a, n * W, PC());
	rd(b, n * W, PC());
	return wcscmp(a, b);
}

int __weft_wcsncmp(const wchar_t *a, const wchar_t *b, size_t max)
{
	size_t n = wcompared(a, b, max);

	rd(a, n * W, PC());
	rd(b, n * W, PC());
	return wcsncmp(a, b, max);
}

/* As memcmp (string.c), wmemcmp reads all n characters of both. */
int __weft_wmemcmp(const wchar_t *a, const wchar_t *b, size_t n)
{
	rd(a, n * W, PC());
	rd(b, n * W, PC());
	return wmemcmp(a, b, n);
}

wchar_t *__weft_wmemcpy(wchar_t *d, const wchar_t *s, size_t n)
{
	rd(s, n * W, PC());
	wr(d, n * W, PC());
	return wmemcpy(d, s, n);
}

wchar_t *__weft_wmemmove(wchar_t *d, const wchar_t *s, size_t n)
{
	rd(s, n * W, PC());
	wr(d, n * W, PC());
	return wmemmove(d, s, n);
}

wchar_t *__weft_wmemset(wchar_t *d, wchar_t c, size_t n)
{
	wr(d, n * W, PC());
	return wmemset(d, c, n);
}

/* The bytes mbstowcs reads of s converting at most max characters: up
 * to and including the terminator, or through the max-th character, or
 * through the bytes before an invalid sequence (its own walk, as the
 * call's: the bytes of a character are not known before converting). */
static size_t mb_read(const char *s, size_t max)
{
	mbstate_t st = { 0 };
	size_t at = 0;

	for (size_t k = 0; k < max; k++) {
		size_t l = mbrlen(s + at, MB_LEN_MAX, &st);

		if (l == (size_t)-1 || l == (size_t)-2)
			return at + 1;
		if (l == 0)
			return at + 1;
		at += l;
	}
	return at;
}

/* mbstowcs reads the multibyte string as far as it converts and stores
 * the characters it returns, plus a terminator when there was room for
 * it (after the call, whose count the store needs). */
size_t __weft_mbstowcs(wchar_t *d, const char *s, size_t n)
{
	uintptr_t pc = PC();
	size_t r;

	rd(s, mb_read(s, d ? n : (size_t)-1), pc);
	r = mbstowcs(d, s, n);
	if (d && r != (size_t)-1)
		wr(d, (r < n ? r + 1 : r) * W, pc);
	return r;
}
