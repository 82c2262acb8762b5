/* src/tsan/libc_state.c - C library functions that are not thread-safe
 * because they keep state of their own, and the conversions that read a
 * string, as the race detector sees them.
 *
 * strtok keeps its place in a static pointer, and localtime, gmtime,
 * ctime and asctime return a static buffer (glibc's localtime and gmtime
 * share one): two threads calling one of
 * them without ordering race on that state (the classic bug their _r
 * forms fix), though the C library is not instrumented and weft saw
 * nothing.  Each such state is an object of this file, named after the
 * function ("strtok's saved position"), which the call writes; the
 * result buffer is the real one, so the caller's later reads of it race
 * with another thread's call too (the report names the state: "data race
 * on strtok's saved position").  The string conversions (atoi, strtol,
 * ...) read their string up to where they stop; strtok writes the
 * terminator it puts after a token (none after the last); sscanf reads its string and format
 * (what it stores through its pointers is not checked), qsort and qsort_r read
 * and write their whole array, rand_r and erand48 read and write their seed.
 *
 * The checks come first and the call after, as in string.c; outside an
 * execution they do nothing.  None blocks. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "detect/race.h"
#include "modelled.h"
#include "report/report.h"
#include "tsan/tsan.h"

#define PC() WEFT__CALLER_PC()
#define rd weft__tsan_rd
#define wr weft__tsan_wr

/* The hidden state, one object each, so a report names the function. */
static char strtok_saved_position[sizeof(char *)];
static char tm_static_result[sizeof(struct tm)];
static char asctime_static_result[26];

__attribute__((constructor)) static void name_state(void)
{
	weft__name_model_object(strtok_saved_position,
				sizeof strtok_saved_position,
				"strtok's saved position");
	weft__name_model_object(tm_static_result, sizeof tm_static_result,
				"localtime's and gmtime's static result");
	weft__name_model_object(asctime_static_result,
				sizeof asctime_static_result,
				"asctime's static result");
}

/* strtok_r's reads and its one write, checked before the call as it will
 * make them: from the string (s, or where *save left off) it skips the
 * delimiters, reads the token and the character that ends it, and writes
 * a terminator there only when that is a delimiter (a string with no
 * delimiter left is not written). */
static void token_access(const char *s, const char *delim, uintptr_t pc)
{
	size_t skip, len;

	rd(delim, strlen(delim) + 1, pc);
	if (!s)
		return;
	skip = strspn(s, delim);
	len = s[skip] ? strcspn(s + skip, delim) : 0;
	rd(s, skip + len + 1, pc);
	if (s[skip] && s[skip + len])
		wr(s + skip + len, 1, pc);
}

/* strtok's saved position is this model's own (strtok is strtok_r with
 * one position for the whole process, as in the C library), so that its
 * accesses are known before the call. */
static char *strtok_position;

char *__weft_strtok(char *s, const char *delim)
{
	uintptr_t pc = PC();

	if (weft__race_on) {
		wr(strtok_saved_position, sizeof strtok_saved_position, pc);
		token_access(s ? s : strtok_position, delim, pc);
	}
	return strtok_r(s, delim, &strtok_position);
}

char *__weft_strtok_r(char *s, const char *delim, char **save)
{
	uintptr_t pc = PC();

	if (weft__race_on) {
		wr(save, sizeof *save, pc);
		token_access(s ? s : *save, delim, pc);
	}
	return strtok_r(s, delim, save);
}

/* The generators whose state is the program's: rand_r's seed, erand48's
 * xsubi, each read and written by the call (two threads sharing one seed
 * without a lock race on it, though the C library is not instrumented).
 * A seed taken from the clock or the process id is the same in every
 * execution (weft's are): a verification covers the numbers of this
 * seed only, and says so (weft__verdict_seeded), as for srand. */
static void own_seed(const char *call, uintptr_t pc)
{
	if (weft__self() >= 0)
		weft__verdict_seeded(0x5eed0017ULL,
				     "draws random numbers from a seed of its own",
				     call, weft__pc_loc(pc));
}

int __weft_rand_r(unsigned *seed)
{
	uintptr_t pc = PC();

	own_seed("rand_r", pc);
	if (weft__race_on) {
		rd(seed, sizeof *seed, pc);
		wr(seed, sizeof *seed, pc);
	}
	return rand_r(seed);
}

static void xsubi_access(unsigned short xsubi[3], uintptr_t pc)
{
	own_seed("erand48, nrand48 or jrand48", pc);
	if (weft__race_on) {
		rd(xsubi, sizeof(unsigned short) * 3, pc);
		wr(xsubi, sizeof(unsigned short) * 3, pc);
	}
}

double __weft_erand48(unsigned short xsubi[3])
{
	xsubi_access(xsubi, PC());
	return erand48(xsubi);
}

long __weft_nrand48(unsigned short xsubi[3])
{
	xsubi_access(xsubi, PC());
	return nrand48(xsubi);
}

long __weft_jrand48(unsigned short xsubi[3])
{
	xsubi_access(xsubi, PC());
	return jrand48(xsubi);
}

/* The C library's own result buffer r, which the caller reads, gets the
 * state's name in reports too (it was memory@N); it is the same buffer
 * at every call, so it is named once. */
void weft__tsan_name_result(const void **named, const void *r, size_t n,
			    const char *name)
{
	if (r == *named)
		return;
	weft__name_model_object(r, n, name);
	*named = r;
}

/* localtime and gmtime: one static result in glibc, shared by both. */
static struct tm *tm_of(struct tm *(*fn)(const time_t *), const time_t *t,
			uintptr_t pc)
{
	struct tm *r;

	rd(t, sizeof *t, pc);
	wr(tm_static_result, sizeof tm_static_result, pc);
	r = fn(t);
	if (r) {
		static const void *named;
		weft__tsan_name_result(&named, r, sizeof *r,
			    "localtime's and gmtime's static result");
		wr(r, sizeof *r, pc);
	}
	return r;
}

struct tm *__weft_localtime(const time_t *t)
{
	return tm_of(localtime, t, PC());
}

struct tm *__weft_gmtime(const time_t *t)
{
	return tm_of(gmtime, t, PC());
}

char *__weft_asctime(const struct tm *tm)
{
	uintptr_t pc = PC();
	char *r;

	rd(tm, sizeof *tm, pc);
	wr(asctime_static_result, sizeof asctime_static_result, pc);
	r = asctime(tm);
	if (r) {
		static const void *named;
		weft__tsan_name_result(&named, r, sizeof asctime_static_result,
			    "asctime's static result");
		wr(r, strlen(r) + 1, pc);
	}
	return r;
}

/* ctime(t) is asctime(localtime(t)): both statics. */
char *__weft_ctime(const time_t *t)
{
	uintptr_t pc = PC();
	char *r;

	rd(t, sizeof *t, pc);
	wr(tm_static_result, sizeof tm_static_result, pc);
	wr(asctime_static_result, sizeof asctime_static_result, pc);
	r = ctime(t);
	if (r)
		wr(r, strlen(r) + 1, pc);
	return r;
}

/* ---- string conversions ------------------------------------------------ */

/* What a conversion of s reads, checked before it: up to and including
 * the character that stops it (one that converts nothing still reads
 * what it skips, at least the first byte).  Where it stops is found by a
 * conversion of its own (base < 0: a floating one), with errno kept, so
 * that the real call reads the string after the check, as in string.c:
 * checked after it, the value could predate another thread's write that
 * the check's scheduling point let in. */
static void number_access(const char *s, int base, uintptr_t pc)
{
	int saved = errno;
	char *end;

	if (!weft__race_on)
		return;
	if (base < 0)
		(void)strtold(s, &end);
	else
		(void)strtoll(s, &end, base);
	errno = saved;
	rd(s, end > s ? (size_t)(end - s) + 1 : 1, pc);
}

long __weft_strtol(const char *s, char **endp, int base)
{
	number_access(s, base, PC());
	return strtol(s, endp, base);
}

unsigned long __weft_strtoul(const char *s, char **endp, int base)
{
	number_access(s, base, PC());
	return strtoul(s, endp, base);
}

long long __weft_strtoll(const char *s, char **endp, int base)
{
	number_access(s, base, PC());
	return strtoll(s, endp, base);
}

unsigned long long __weft_strtoull(const char *s, char **endp, int base)
{
	number_access(s, base, PC());
	return strtoull(s, endp, base);
}

double __weft_strtod(const char *s, char **endp)
{
	number_access(s, -1, PC());
	return strtod(s, endp);
}

float __weft_strtof(const char *s, char **endp)
{
	number_access(s, -1, PC());
	return strtof(s, endp);
}

int __weft_atoi(const char *s)
{
	number_access(s, 10, PC());
	return atoi(s);
}

long __weft_atol(const char *s)
{
	number_access(s, 10, PC());
	return atol(s);
}

double __weft_atof(const char *s)
{
	number_access(s, -1, PC());
	return atof(s);
}

/* ---- sscanf, qsort ------------------------------------------------------ */

/* glibc's GNU sscanf (its %a allocates), which the plain name means to a
 * program built as GNU89; weft's own build gets the C99 one by that name
 * (input.c says more). */
int weft_gnu_vsscanf(const char *s, const char *fmt, va_list ap)
	__asm__("vsscanf");

static int scan(const char *s, const char *fmt, va_list ap, bool c99,
		uintptr_t pc)
{
	va_list cp;
	int n;

	if (weft__race_on) {
		rd(s, strlen(s) + 1, pc);
		rd(fmt, strlen(fmt) + 1, pc);
	}
	va_copy(cp, ap);
	n = c99 ? vsscanf(s, fmt, ap) : weft_gnu_vsscanf(s, fmt, ap);
	weft__scan_stores(fmt, cp, n, !c99, pc);
	va_end(cp);
	return n;
}

int __weft_sscanf(const char *s, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = scan(s, fmt, ap, false, PC());
	va_end(ap);
	return n;
}

/* glibc's C99 spelling, which <stdio.h> gives most programs. */
int __weft___isoc99_sscanf(const char *s, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = scan(s, fmt, ap, true, PC());
	va_end(ap);
	return n;
}

int __weft_vsscanf(const char *s, const char *fmt, va_list ap)
{
	return scan(s, fmt, ap, false, PC());
}

int __weft___isoc99_vsscanf(const char *s, const char *fmt, va_list ap)
{
	return scan(s, fmt, ap, true, PC());
}

void __weft_qsort(void *base, size_t n, size_t size,
		  int (*cmp)(const void *, const void *))
{
	wr(base, n * size, PC());
	qsort(base, n, size, cmp);
}

/* qsort_r, the GNU form with a context for the comparator, as qsort (a
 * probe found it verified against a plain reader of the array). */
void __weft_qsort_r(void *base, size_t n, size_t size,
		    int (*cmp)(const void *, const void *, void *), void *arg)
{
	wr(base, n * size, PC());
	qsort_r(base, n, size, cmp, arg);
}
