/* src/pthread/libc_alloc.c - the C library calls that hand the program
 * memory of their own to free: asprintf and vasprintf, realpath and getcwd
 * asked to allocate, canonicalize_file_name, tempnam,
 * get_current_dir_name, wcsdup and scandir; and glibc's page-aligned
 * allocators valloc and pvalloc, which are memalign's (malloc.c).
 *
 * glibc allocates that memory with its own malloc, which weft leaves
 * alone, and a free of it inside an execution is ignored (malloc.c says
 * why).  So a double free of an asprintf buffer, natively an abort, and a
 * thread reading one another had freed were verified, and such a buffer
 * never freed was no leak (found by a probe of the README's claims).
 * Inside an execution each call here lets the C library do its work and
 * hands the program a copy on weft's tracked heap, named after the call,
 * checked, freed and leaked like a block from malloc; the library's own
 * block is given back at once.  Outside executions (set-up code, static
 * destructors) the C library's block is returned as it is.
 *
 * None of these is a scheduling point.  open_memstream is not among them:
 * its stream writes the program's pointer on every flush, with a buffer
 * it grows itself. */
#include <dlfcn.h>
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pthread/pt.h"
#include "modelled.h"

/* A tracked copy of the n bytes at p, which the C library allocated and
 * which is freed here; NULL with errno ENOMEM when the copy fails. */
static void *adopt(void *p, size_t n, const char *what, uintptr_t ra)
{
	void *q;

	if (!p)
		return NULL;
	q = weft__pt_alloc(n, 16, what, ra);
	if (q)
		memcpy(q, p, n);
	free(p);
	if (!q)
		errno = ENOMEM;
	return q;
}

static int vasprintf_at(char **out, const char *fmt, va_list ap,
			const char *what, uintptr_t ra)
{
	char *p = NULL;
	int n = vasprintf(&p, fmt, ap);

	if (n < 0 || !weft__pt_heap_tracked()) {
		*out = p;
		return n;
	}
	*out = adopt(p, (size_t)n + 1, what, ra);
	return *out ? n : -1;
}

int __weft_vasprintf(char **out, const char *fmt, va_list ap)
{
	return vasprintf_at(out, fmt, ap, "vasprintf", PT_RA());
}

int __weft_asprintf(char **out, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vasprintf_at(out, fmt, ap, "asprintf", PT_RA());
	va_end(ap);
	return n;
}

/* The fortified forms, as _FORTIFY_SOURCE spells the calls; the flag
 * only asks for checks of %n, which the plain form makes too. */
int __weft___vasprintf_chk(char **out, int flag, const char *fmt, va_list ap)
{
	(void)flag;
	return vasprintf_at(out, fmt, ap, "vasprintf", PT_RA());
}

int __weft___asprintf_chk(char **out, int flag, const char *fmt, ...)
{
	va_list ap;
	int n;

	(void)flag;
	va_start(ap, fmt);
	n = vasprintf_at(out, fmt, ap, "asprintf", PT_RA());
	va_end(ap);
	return n;
}

/* A string the C library allocated, adopted. */
static char *adopt_str(char *s, const char *what, uintptr_t ra)
{
	if (!s || !weft__pt_heap_tracked())
		return s;
	return adopt(s, strlen(s) + 1, what, ra);
}

char *__weft_realpath(const char *path, char *resolved)
{
	char *r = realpath(path, resolved);

	/* Into the program's buffer: its bytes are written. */
	if (resolved && r)
		weft__race_access(resolved, strlen(resolved) + 1,
				  WEFT__RACE_WRITE, PT_RA());
	return resolved ? r : adopt_str(r, "realpath", PT_RA());
}

char *__weft_canonicalize_file_name(const char *path)
{
	return adopt_str(canonicalize_file_name(path),
			 "canonicalize_file_name", PT_RA());
}

/* The C library's, looked up: a direct call makes the linker warn, at
 * every build of weft, that tempnam is dangerous. */
char *__weft_tempnam(const char *dir, const char *prefix)
{
	PT_REAL(tempnam);

	if (!real) {
		errno = ENOSYS;
		return NULL;
	}
	return adopt_str(real(dir, prefix), "tempnam", PT_RA());
}

/* Blocks of these were the C library's, unchecked: a read after free and
 * a leak of one were verified (a helper's probe).  Page-aligned blocks
 * of weft's heap, named after the call, at the program's call site. */
void *__weft_valloc(size_t n)
{
	if (!weft__pt_heap_tracked())
		return valloc(n);
	return weft__pt_alloc(n, (size_t)sysconf(_SC_PAGESIZE), "valloc",
			      PT_RA());
}

void *__weft_pvalloc(size_t n)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);

	if (!weft__pt_heap_tracked())
		return pvalloc(n);
	/* The size rounded up to whole pages, NULL (ENOMEM) where that
	 * wraps: a rounding that wrapped to 0 gave a 0-byte block. */
	if (n > SIZE_MAX - page) {
		errno = ENOMEM;
		return NULL;
	}
	return weft__pt_alloc(n ? (n + page - 1) & ~(page - 1) : page, page,
			      "pvalloc", PT_RA());
}

char *__weft_getcwd(char *buf, size_t size)
{
	char *r = getcwd(buf, size);

	if (buf && r)
		weft__race_access(buf, strlen(buf) + 1, WEFT__RACE_WRITE,
				  PT_RA());
	return buf ? r : adopt_str(r, "getcwd", PT_RA());
}

char *__weft_get_current_dir_name(void)
{
	return adopt_str(get_current_dir_name(), "get_current_dir_name",
			 PT_RA());
}

wchar_t *__weft_wcsdup(const wchar_t *s)
{
	wchar_t *r = wcsdup(s);

	if (!r || !weft__pt_heap_tracked())
		return r;
	return adopt(r, (wcslen(r) + 1) * sizeof *r, "wcsdup", PT_RA());
}

/* The array and each entry become tracked blocks, each entry as large as
 * a struct dirent (glibc's are as long as their names). */
int __weft_scandir(const char *dir, struct dirent ***list,
		   int (*filter)(const struct dirent *),
		   int (*compar)(const struct dirent **,
				 const struct dirent **))
{
	uintptr_t ra = PT_RA();
	struct dirent **v = NULL, **w;
	int n = scandir(dir, &v, filter, compar);

	if (n < 0 || !weft__pt_heap_tracked()) {
		*list = v;
		return n;
	}
	w = weft__pt_alloc(sizeof *w * (size_t)(n ? n : 1), 16, "scandir", ra);
	for (int i = 0; i < n; i++) {
		size_t len = offsetof(struct dirent, d_name) +
			     strlen(v[i]->d_name) + 1;
		if (w && (w[i] = weft__pt_alloc(sizeof(struct dirent), 16,
						"scandir", ra)))
			memcpy(w[i], v[i], len);
		free(v[i]);
		if (w && !w[i]) {
			for (int k = i + 1; k < n; k++)
				free(v[k]);
			for (int k = 0; k < i; k++)
				weft__pt_release(w[k], "scandir", ra);
			weft__pt_release(w, "scandir", ra);
			w = NULL;
			break;
		}
	}
	free(v);
	if (!w) {
		errno = ENOMEM;
		return -1;
	}
	*list = w;
	return n;
}
