/* src/tsan/string.c - the C library's string and memory functions as the
 * race detector sees them, the way ThreadSanitizer's interceptors do.
 *
 * weft-cc renames the program's calls of these functions to __weft_<name>
 * (memcpy, memmove and memset go to __tsan_memcpy and friends in
 * access.c).  Each wrapper checks the byte ranges the real function reads
 * and writes, then performs the real operation: the bytes of a string up
 * to and including its terminator, of a comparison up to the first
 * difference, of a search up to the match.  Like ThreadSanitizer (its
 * default strict_memcmp=1), memcmp and bcmp read all n bytes of both
 * blocks: C lets an implementation read them all, and glibc reads whole
 * words, so a race past the first difference is a race all the same.
 *
 * The checks come first and the operation after: test threads are fibers
 * on one OS thread, so no other thread can change the bytes in between.
 * Outside an execution (constructors) the checks do nothing. */
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "detect/race.h"
#include "modelled.h"
#include "tsan/tsan.h"

#define PC() WEFT__CALLER_PC()
#define rd weft__tsan_rd
#define wr weft__tsan_wr

/* The length of the common prefix of a and b within n bytes, plus the
 * byte that ends it (the first difference or the shared terminator):
 * what strcmp and strncmp read of each string. */
size_t weft__tsan_compared(const char *a, const char *b, size_t n)
{
	size_t i = 0;

	while (i < n && a[i] == b[i] && a[i])
		i++;
	return i < n ? i + 1 : n;
}

int __weft_memcmp(const void *a, const void *b, size_t n)
{
	rd(a, n, PC());
	rd(b, n, PC());
	return memcmp(a, b, n);
}

int __weft_bcmp(const void *a, const void *b, size_t n)
{
	rd(a, n, PC());
	rd(b, n, PC());
	return memcmp(a, b, n);
}

void *__weft_memchr(const void *s, int c, size_t n)
{
	void *r = memchr(s, c, n);

	rd(s, r ? (size_t)((const char *)r - (const char *)s) + 1 : n, PC());
	return r;
}

void *__weft_mempcpy(void *d, const void *s, size_t n)
{
	rd(s, n, PC());
	wr(d, n, PC());
	return (char *)memcpy(d, s, n) + n;
}

void __weft_bzero(void *d, size_t n)
{
	wr(d, n, PC());
	memset(d, 0, n);
}

/* bcopy, the old BSD name, is memmove with its arguments swapped (gcc
 * expanded one of a known size into plain moves, unchecked). */
void __weft_bcopy(const void *s, void *d, size_t n)
{
	rd(s, n, PC());
	wr(d, n, PC());
	memmove(d, s, n);
}

size_t __weft_strlen(const char *s)
{
	size_t n = strlen(s);

	rd(s, n + 1, PC());
	return n;
}

size_t __weft_strnlen(const char *s, size_t max)
{
	size_t n = strnlen(s, max);

	rd(s, n < max ? n + 1 : n, PC());
	return n;
}

/* The ranges of the copying functions, shared by their _FORTIFY_SOURCE
 * forms below.  A copy reads the source string and writes as much. */
static void copy_ranges(char *d, const char *s, uintptr_t pc)
{
	size_t n = strlen(s) + 1;

	rd(s, n, pc);
	wr(d, n, pc);
}

/* strncpy reads the source up to its terminator or n bytes, and writes
 * all n bytes of the destination (the rest padded with zeros). */
static void ncopy_ranges(char *d, const char *s, size_t n, uintptr_t pc)
{
	size_t len = strnlen(s, n);

	rd(s, len < n ? len + 1 : n, pc);
	wr(d, n, pc);
}

/* strcat reads the destination's string (to find its end) and the
 * source's, then writes the source over the terminator and on; strncat
 * reads at most n bytes of the source. */
static void cat_ranges(char *d, const char *s, size_t n, uintptr_t pc)
{
	size_t dl = strlen(d), sl = strnlen(s, n);

	rd(d, dl + 1, pc);
	rd(s, sl < n ? sl + 1 : n, pc);
	wr(d + dl, sl + 1, pc);
}

char *__weft_strcpy(char *d, const char *s)
{
	copy_ranges(d, s, PC());
	return strcpy(d, s);
}

char *__weft_stpcpy(char *d, const char *s)
{
	copy_ranges(d, s, PC());
	return stpcpy(d, s);
}

char *__weft_strncpy(char *d, const char *s, size_t n)
{
	ncopy_ranges(d, s, n, PC());
	return strncpy(d, s, n);
}

char *__weft_stpncpy(char *d, const char *s, size_t n)
{
	ncopy_ranges(d, s, n, PC());
	return stpncpy(d, s, n);
}

char *__weft_strcat(char *d, const char *s)
{
	cat_ranges(d, s, (size_t)-1, PC());
	return strcat(d, s);
}

char *__weft_strncat(char *d, const char *s, size_t n)
{
	cat_ranges(d, s, n, PC());
	return strncat(d, s, n);
}

int __weft_strcmp(const char *a, const char *b)
{
	size_t n = weft__tsan_compared(a, b, (size_t)-1);

	rd(a, n, PC());
	rd(b, n, PC());
	return strcmp(a, b);
}

int __weft_strncmp(const char *a, const char *b, size_t max)
{
	size_t n = weft__tsan_compared(a, b, max);

	rd(a, n, PC());
	rd(b, n, PC());
	return strncmp(a, b, max);
}

/* strchr stops at the match or at the terminator (a search for '\0'
 * matches the terminator). */
char *__weft_strchr(const char *s, int c)
{
	char *r = strchr(s, c);

	rd(s, r ? (size_t)(r - s) + 1 : strlen(s) + 1, PC());
	return r;
}

/* strrchr reads the whole string, whatever it finds. */
char *__weft_strrchr(const char *s, int c)
{
	rd(s, strlen(s) + 1, PC());
	return strrchr(s, c);
}

/* index and rindex are the old names of strchr and strrchr. */
char *__weft_index(const char *s, int c)
	__attribute__((alias("__weft_strchr")));
char *__weft_rindex(const char *s, int c)
	__attribute__((alias("__weft_strrchr")));

/* A substring search reads the needle n, and the haystack h up to the
 * end of the match r or, without one, to its terminator. */
static void search_reads(const char *h, const char *n, const char *r,
			 uintptr_t pc)
{
	size_t nl = strlen(n);

	rd(n, nl + 1, pc);
	rd(h, r ? (size_t)(r - h) + nl : strlen(h) + 1, pc);
}

char *__weft_strstr(const char *h, const char *n)
{
	char *r = strstr(h, n);

	search_reads(h, n, r, PC());
	return r;
}

/* strcasestr reads as strstr does, the match found case folded. */
char *__weft_strcasestr(const char *h, const char *n)
{
	char *r = strcasestr(h, n);

	search_reads(h, n, r, PC());
	return r;
}

/* The calls below write memory in place; each was verified with another
 * thread reading the same bytes unlocked (a probe of pthread programs). */
void __weft_explicit_bzero(void *d, size_t n)
{
	if (n)
		wr(d, n, PC());
	explicit_bzero(d, n);
}

/* swab reads n bytes and writes them swapped in pairs: an odd last byte
 * is neither read nor written. */
void __weft_swab(const void *s, void *d, ssize_t n)
{
	if (n > 1) {
		rd(s, (size_t)n & ~(size_t)1, PC());
		wr(d, (size_t)n & ~(size_t)1, PC());
	}
	swab(s, d, n);
}

void *__weft_memfrob(void *s, size_t n)
{
	if (n) {
		rd(s, n, PC());
		wr(s, n, PC());
	}
	return memfrob(s, n);
}

/* strfry shuffles the string up to its terminator. */
char *__weft_strfry(char *s)
{
	size_t n = strlen(s);

	rd(s, n + 1, PC());
	if (n)
		wr(s, n, PC());
	return strfry(s);
}

/* ---- _FORTIFY_SOURCE ----------------------------------------------------
 *
 * With -D_FORTIFY_SOURCE (the default of some distributions' compilers
 * when optimising), a call whose destination size the compiler knows goes
 * to glibc's checked form, __memcpy_chk and the like.  The same ranges are
 * checked, then glibc's form runs, so an overflow still aborts as it does
 * natively. */
void *__memcpy_chk(void *d, const void *s, size_t n, size_t dl);
void *__memmove_chk(void *d, const void *s, size_t n, size_t dl);
void *__mempcpy_chk(void *d, const void *s, size_t n, size_t dl);
void *__memset_chk(void *d, int c, size_t n, size_t dl);
char *__strcpy_chk(char *d, const char *s, size_t dl);
char *__stpcpy_chk(char *d, const char *s, size_t dl);
char *__strncpy_chk(char *d, const char *s, size_t n, size_t dl);
char *__stpncpy_chk(char *d, const char *s, size_t n, size_t dl);
char *__strcat_chk(char *d, const char *s, size_t dl);
char *__strncat_chk(char *d, const char *s, size_t n, size_t dl);

void *__weft___memcpy_chk(void *d, const void *s, size_t n, size_t dl)
{
	rd(s, n, PC());
	wr(d, n, PC());
	return __memcpy_chk(d, s, n, dl);
}

void *__weft___memmove_chk(void *d, const void *s, size_t n, size_t dl)
{
	rd(s, n, PC());
	wr(d, n, PC());
	return __memmove_chk(d, s, n, dl);
}

void *__weft___mempcpy_chk(void *d, const void *s, size_t n, size_t dl)
{
	rd(s, n, PC());
	wr(d, n, PC());
	return __mempcpy_chk(d, s, n, dl);
}

void *__weft___memset_chk(void *d, int c, size_t n, size_t dl)
{
	wr(d, n, PC());
	return __memset_chk(d, c, n, dl);
}

char *__weft___strcpy_chk(char *d, const char *s, size_t dl)
{
	copy_ranges(d, s, PC());
	return __strcpy_chk(d, s, dl);
}

char *__weft___stpcpy_chk(char *d, const char *s, size_t dl)
{
	copy_ranges(d, s, PC());
	return __stpcpy_chk(d, s, dl);
}

char *__weft___strncpy_chk(char *d, const char *s, size_t n, size_t dl)
{
	ncopy_ranges(d, s, n, PC());
	return __strncpy_chk(d, s, n, dl);
}

char *__weft___stpncpy_chk(char *d, const char *s, size_t n, size_t dl)
{
	ncopy_ranges(d, s, n, PC());
	return __stpncpy_chk(d, s, n, dl);
}

char *__weft___strcat_chk(char *d, const char *s, size_t dl)
{
	cat_ranges(d, s, (size_t)-1, PC());
	return __strcat_chk(d, s, dl);
}

char *__weft___strncat_chk(char *d, const char *s, size_t n, size_t dl)
{
	cat_ranges(d, s, n, PC());
	return __strncat_chk(d, s, n, dl);
}
