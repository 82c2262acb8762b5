/* src/tsan/scanfmt.c - what the scanf family stores through its pointer
 * arguments, for the race detector.
 *
 * libc's scanf writes the program's variables itself, so the
 * instrumentation never sees those stores: `scanf("%d", &shared)` in one
 * thread while another incremented `shared` was verified (SV-COMP's
 * goblint-regression 04-mutex_20-stdfun_rc, through a probe).  After the
 * call the format is walked again with a copy of the arguments, and each
 * conversion the call assigned (the first `assigned`, as its result
 * counts them, and every %n before the input ran out) is recorded as a
 * write of the bytes it stores.  Positional arguments (%1$d) end the
 * walk.  Two stores are assumed that a short input may not make: %Nc's
 * N characters (a string that ends first gives fewer), and a %n after
 * the last assigned conversion (a literal that fails to match first
 * skips it); the first is rare, the second is the common idiom
 * `sscanf(s, "%d%n", &v, &len)`, whose store must not be missed. */
#include <stdarg.h>
#include <string.h>
#include <wchar.h>

#include "detect/race.h"
#include "tsan/tsan.h"

/* Length modifiers, as the bytes an integer conversion stores. */
static size_t int_size(const char *len)
{
	if (!strcmp(len, "hh"))
		return sizeof(char);
	if (!strcmp(len, "h"))
		return sizeof(short);
	if (!strcmp(len, "l"))
		return sizeof(long);
	if (!strcmp(len, "ll") || !strcmp(len, "L") || !strcmp(len, "q"))
		return sizeof(long long);
	if (!strcmp(len, "j"))
		return sizeof(intmax_t);
	if (!strcmp(len, "z"))
		return sizeof(size_t);
	if (!strcmp(len, "t"))
		return sizeof(ptrdiff_t);
	return sizeof(int);
}

static size_t float_size(const char *len)
{
	if (!strcmp(len, "l"))
		return sizeof(double);
	if (!strcmp(len, "L"))
		return sizeof(long double);
	return sizeof(float);
}

/* The bytes conversion c (with length modifier len and width w, 0 when
 * none) stored at p. */
static size_t stored(char c, const char *len, long w, const void *p)
{
	bool wide = !strcmp(len, "l");

	switch (c) {
	case 'd': case 'i': case 'o': case 'u': case 'x': case 'X':
	case 'n':
		return int_size(len);
	case 'a': case 'e': case 'f': case 'g':
	case 'A': case 'E': case 'F': case 'G':
		return float_size(len);
	case 'p':
		return sizeof(void *);
	case 'c': case 'C':
		return (size_t)(w > 0 ? w : 1) *
		       (wide || c == 'C' ? sizeof(wchar_t) : 1);
	case 's': case '[': case 'S':
		return wide || c == 'S' ? (wcslen(p) + 1) * sizeof(wchar_t)
					: strlen(p) + 1;
	default:
		return 0;
	}
}

void weft__scan_stores(const char *fmt, va_list ap, int assigned, bool gnu,
		       uintptr_t pc)
{
	int done = 0;

	if (!weft__race_on || !fmt)
		return;
	for (const char *f = fmt; *f; f++) {
		bool skip = false, alloc = false;
		long w = 0;
		char len[3] = "";
		int nl = 0;
		char c;
		void *p;
		size_t n;

		if (*f != '%')
			continue;
		if (*++f == '%')
			continue;
		if (*f == '*') {
			skip = true;
			f++;
		}
		while (*f >= '0' && *f <= '9')
			w = w * 10 + (*f++ - '0');
		/* A positional argument (%1$d): not walked. */
		if (*f == '$')
			return;
		/* glibc's flags: grouping, locale digits. */
		while (*f == '\'' || *f == 'I')
			f++;
		/* Allocates: the pointer is stored.  In the GNU family, %a
		 * before s, S or [ means the same. */
		if (*f == 'm' ||
		    (gnu && *f == 'a' && f[1] && strchr("sS[", f[1]))) {
			alloc = true;
			f++;
		}
		while (nl < 2 && *f && strchr("hlLqjzt", *f))
			len[nl++] = *f++;
		if (!*f)
			return;
		c = *f;
		if (c == '[') {
			/* A scanset: "]" first belongs to the set. */
			f += f[1] == '^' ? 2 : 1;
			if (*f == ']')
				f++;
			while (*f && *f != ']')
				f++;
			if (!*f)
				return;
		}
		if (skip)
			continue;
		p = va_arg(ap, void *);
		/* %n stores the count so far; it assigns no conversion. */
		if (c == 'n') {
			if (p && done <= assigned)
				weft__race_access(p, stored('n', len, w, p),
						  WEFT__RACE_WRITE, pc);
			continue;
		}
		if (done >= assigned)
			return;
		n = alloc ? sizeof(void *) : stored(c, len, w, p);
		if (p && n)
			weft__race_access(p, n, WEFT__RACE_WRITE, pc);
		done++;
	}
}
