/* src/pthread/format.c - what the printf family reads and writes of the
 * program's memory, as the race and heap detectors see it: the format
 * itself, the strings of its %s conversions (a string freed or written by
 * another thread while printf reads it is a use-after-free or a data
 * race, the same as a loop that reads it), the ints %n stores, and the
 * buffer the sprintf family fills.  Before, a printf("%s") of a freed
 * buffer was verified.
 *
 * The format is walked the way the C library walks it, taking each
 * conversion's argument from a copy of the argument list by its type
 * (integers, doubles and long doubles come from different places of the
 * list on x86_64).  A conversion this walker does not know (a handler
 * registered with glibc's register_printf_function, or positional
 * arguments, "%1$s") ends the walk: the arguments after it cannot be
 * found, and guessing would read an integer as a pointer.
 *
 * None of these blocks, and none is a scheduling point unless a checked
 * access is at a site known to race (the detector makes it one). */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "pthread/pt.h"
#include "detect/race.h"
#include "modelled.h"

static void rd(const void *p, size_t n, uintptr_t pc)
{
	weft__race_access(p, n, 0, pc);
}

/* The bytes %s reads of s with precision prec (-1: none): up to the
 * terminator, which it reads unless the precision stops it first. */
static size_t str_read(const char *s, long prec)
{
	size_t n;

	if (prec < 0)
		return strlen(s) + 1;
	n = strnlen(s, (size_t)prec);
	return n < (size_t)prec ? n + 1 : n;
}

static size_t wstr_read(const wchar_t *s, long prec)
{
	size_t n;

	if (prec < 0)
		return (wcslen(s) + 1) * sizeof *s;
	n = wcsnlen(s, (size_t)prec);
	return (n < (size_t)prec ? n + 1 : n) * sizeof *s;
}

/* A conversion's length modifier: what its integer argument is. */
enum len { L_INT, L_LONG, L_LLONG, L_SIZE, L_MAX, L_PTRDIFF, L_LDBL,
	   L_CHAR, L_SHORT };

static const char *length(const char *f, enum len *l)
{
	*l = L_INT;
	switch (*f) {
	case 'h':
		*l = f[1] == 'h' ? L_CHAR : L_SHORT;
		return f + (f[1] == 'h' ? 2 : 1);
	case 'l':
		*l = f[1] == 'l' ? L_LLONG : L_LONG;
		return f + (f[1] == 'l' ? 2 : 1);
	case 'q':
		*l = L_LLONG;
		return f + 1;
	case 'j':
		*l = L_MAX;
		return f + 1;
	case 'z':
	case 'Z':
		*l = L_SIZE;
		return f + 1;
	case 't':
		*l = L_PTRDIFF;
		return f + 1;
	case 'L':
		*l = L_LDBL;
		return f + 1;
	}
	return f;
}

/* The size of the int that %n with length l stores. */
static size_t n_size(enum len l)
{
	switch (l) {
	case L_CHAR:
		return 1;
	case L_SHORT:
		return 2;
	case L_INT:
		return sizeof(int);
	case L_LLONG:
		return sizeof(long long);
	default:
		return sizeof(long);
	}
}

/* Take one integer argument of length l. */
static void skip_int(va_list *ap, enum len l)
{
	if (l == L_LLONG)
		(void)va_arg(*ap, long long);
	else if (l == L_LONG || l == L_SIZE || l == L_MAX || l == L_PTRDIFF)
		(void)va_arg(*ap, long);
	else
		(void)va_arg(*ap, int);
}

/* One conversion, f after its '%': check what it reads and writes and
 * take its arguments.  Returns the character after it, or NULL to stop. */
static const char *conversion(const char *f, va_list *ap, uintptr_t pc)
{
	long prec = -1;
	enum len l;

	while (*f && strchr("-+ #0'I", *f))
		f++;
	if (*f == '*') {
		(void)va_arg(*ap, int);
		f++;
	} else {
		while (isdigit((unsigned char)*f))
			f++;
		if (*f == '$')
			return NULL; /* positional arguments */
	}
	if (*f == '.') {
		f++;
		if (*f == '*') {
			prec = va_arg(*ap, int);
			f++;
		} else {
			for (prec = 0; isdigit((unsigned char)*f); f++)
				prec = prec < 100000000 ? prec * 10 + (*f - '0')
							: prec;
		}
	}
	f = length(f, &l);
	switch (*f) {
	case 'd': case 'i': case 'o': case 'u': case 'x': case 'X':
		skip_int(ap, l);
		break;
	case 'c':
	case 'C':
		(void)va_arg(*ap, int); /* a char or wint_t, promoted */
		break;
	case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
	case 'a': case 'A':
		/* glibc reads %llf and %qf as %Lf. */
		if (l == L_LDBL || l == L_LLONG)
			(void)va_arg(*ap, long double);
		else
			(void)va_arg(*ap, double);
		break;
	case 'p':
		(void)va_arg(*ap, void *);
		break;
	case 'm':
		break;
	case 's':
	case 'S':
		if (l == L_LONG || *f == 'S') {
			const wchar_t *w = va_arg(*ap, const wchar_t *);
			if (w)
				rd(w, wstr_read(w, prec), pc);
		} else {
			const char *s = va_arg(*ap, const char *);
			if (s) /* glibc prints "(null)" */
				rd(s, str_read(s, prec), pc);
		}
		break;
	case 'n': {
		void *p = va_arg(*ap, void *);
		weft__race_access(p, n_size(l), WEFT__RACE_WRITE, pc);
		break;
	}
	default:
		return NULL;
	}
	return f + 1;
}

void weft__pt_format_access(const char *fmt, va_list ap, uintptr_t pc)
{
	va_list aq;

	if (!weft__race_on || !fmt)
		return;
	rd(fmt, strlen(fmt) + 1, pc);
	va_copy(aq, ap);
	for (const char *f = fmt; f && *f;) {
		if (*f++ != '%')
			continue;
		if (*f == '%') {
			f++;
			continue;
		}
		f = conversion(f, &aq, pc);
	}
	va_end(aq);
}

/* ---- the sprintf family ---------------------------------------------------- */

/* Check the reads of the format and its arguments, and the write of the
 * bytes the call stores in s (at most size, the terminator included). */
static void checks(char *s, size_t size, const char *fmt, va_list ap,
		   uintptr_t pc)
{
	va_list aq;
	int n;

	if (!weft__race_on)
		return;
	weft__pt_format_access(fmt, ap, pc);
	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n >= 0 && size > 0)
		weft__race_access(s, (size_t)n + 1 < size ? (size_t)n + 1 : size,
				  WEFT__RACE_WRITE, pc);
}

int __weft_vsnprintf(char *s, size_t size, const char *fmt, va_list ap)
{
	checks(s, size, fmt, ap, PT_RA());
	return vsnprintf(s, size, fmt, ap);
}

int __weft_vsprintf(char *s, const char *fmt, va_list ap)
{
	checks(s, SIZE_MAX, fmt, ap, PT_RA());
	return vsprintf(s, fmt, ap);
}

int __weft_snprintf(char *s, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	checks(s, size, fmt, ap, PT_RA());
	n = vsnprintf(s, size, fmt, ap);
	va_end(ap);
	return n;
}

int __weft_sprintf(char *s, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	checks(s, SIZE_MAX, fmt, ap, PT_RA());
	n = vsprintf(s, fmt, ap);
	va_end(ap);
	return n;
}

/* The _FORTIFY_SOURCE spellings keep their checks of the object size. */
int __weft___vsnprintf_chk(char *s, size_t maxlen, int flag, size_t slen,
			   const char *fmt, va_list ap)
{
	checks(s, maxlen, fmt, ap, PT_RA());
	return __vsnprintf_chk(s, maxlen, flag, slen, fmt, ap);
}

int __weft___vsprintf_chk(char *s, int flag, size_t slen, const char *fmt,
			  va_list ap)
{
	checks(s, SIZE_MAX, fmt, ap, PT_RA());
	return __vsprintf_chk(s, flag, slen, fmt, ap);
}

int __weft___snprintf_chk(char *s, size_t maxlen, int flag, size_t slen,
			  const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	checks(s, maxlen, fmt, ap, PT_RA());
	n = __vsnprintf_chk(s, maxlen, flag, slen, fmt, ap);
	va_end(ap);
	return n;
}

int __weft___sprintf_chk(char *s, int flag, size_t slen, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	checks(s, SIZE_MAX, fmt, ap, PT_RA());
	n = __vsprintf_chk(s, flag, slen, fmt, ap);
	va_end(ap);
	return n;
}
