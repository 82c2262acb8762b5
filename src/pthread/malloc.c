/* src/pthread/malloc.c - the program's heap on weft's tracked heap.
 *
 * Inside an execution malloc and friends allocate from the tracked heap, so
 * freed blocks stay in quarantine and a late access is reported as
 * use-after-free, a second free as double-free, and blocks still allocated
 * when the test ends as leak.  Outside executions (constructors,
 * destructors) and for memory libc allocated itself (getline, asprintf),
 * libc's allocator is used; a free of such memory inside an execution is
 * ignored, because libc's heap is not rewound between executions and the
 * same pointer would otherwise be freed once per execution.
 *
 * None of these block or are scheduling points.  Sizes (needed by realloc)
 * and the base of over-aligned blocks are kept in a per-execution table. */
#include <errno.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include "pthread/pt.h"

struct blk {
	void *p;             /* pointer handed to the program */
	void *base;          /* what weft__malloc returned */
	size_t n;
};

static struct blk *tab;
static size_t tabcap, tabused;

static size_t hash(const void *p)
{
	return (size_t)(((uintptr_t)p >> 4) * 0x9e3779b97f4a7c15ULL);
}

static void tab_put(void *p, void *base, size_t n);

static void tab_grow(void)
{
	struct blk *old = tab;
	size_t oldcap = tabcap;

	tabcap = tabcap ? tabcap * 2 : 1024;
	tab = weft__exec_alloc(sizeof *tab * tabcap);
	tabused = 0;
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].p)
			tab_put(old[i].p, old[i].base, old[i].n);
}

static void tab_put(void *p, void *base, size_t n)
{
	if ((tabused + 1) * 2 > tabcap)
		tab_grow();
	for (size_t i = hash(p);; i++) {
		struct blk *b = &tab[i & (tabcap - 1)];
		if (!b->p || b->p == p) {
			if (!b->p)
				tabused++;
			*b = (struct blk){ p, base, n };
			return;
		}
	}
}

static struct blk *tab_get(const void *p)
{
	if (!tabcap)
		return NULL;
	for (size_t i = hash(p);; i++) {
		struct blk *b = &tab[i & (tabcap - 1)];
		if (b->p == p)
			return b;
		if (!b->p)
			return NULL;
	}
}

static void *tracked(size_t n, size_t align, bool zero, const char *what,
		     const struct weft_loc *loc)
{
	char *base, *p;

	if (align <= 16) {
		p = weft__malloc(n, zero, what, loc);
		tab_put(p, p, n);
		return p;
	}
	base = weft__malloc(n + align, zero, what, loc);
	p = (char *)(((uintptr_t)base + align - 1) & ~(uintptr_t)(align - 1));
	tab_put(p, base, n);
	return p;
}

static void release(void *p, const char *what, const struct weft_loc *loc)
{
	struct blk *b;

	if (!p)
		return;
	if (!weft__is_tracked(p))
		return; /* libc's memory: see the comment at the top */
	b = tab_get(p);
	weft__free_step(b ? b->base : p, what, loc);
}

void *__weft_malloc(size_t n)
{
	if (!weft__pt_live())
		return malloc(n);
	return tracked(n, 16, false, "malloc", PT_LOC());
}

void *__weft_calloc(size_t k, size_t n)
{
	size_t total;

	if (!weft__pt_live())
		return calloc(k, n);
	if (__builtin_mul_overflow(k, n, &total)) {
		errno = ENOMEM;
		return NULL;
	}
	return tracked(total, 16, true, "calloc", PT_LOC());
}

void __weft_free(void *p)
{
	if (!weft__pt_live()) {
		if (!weft__is_tracked(p))
			free(p);
		return;
	}
	release(p, "free", PT_LOC());
}

void *__weft_realloc(void *p, size_t n)
{
	const struct weft_loc *loc;
	struct blk *b;
	size_t old;
	void *q;

	if (!weft__pt_live())
		return weft__is_tracked(p) ? NULL : realloc(p, n);
	loc = PT_LOC();
	if (!p)
		return tracked(n, 16, false, "malloc", loc);
	if (n == 0) {
		release(p, "free", loc);
		return NULL;
	}
	if (weft__is_tracked(p)) {
		b = tab_get(p);
		old = b ? b->n : 0;
		/* Reading the old block checks it is not already freed. */
		weft__check_access(p, old < n ? old : n, false, loc);
	} else {
		old = malloc_usable_size(p);
	}
	q = tracked(n, 16, false, "malloc", loc);
	memcpy(q, p, old < n ? old : n);
	release(p, "realloc", loc);
	return q;
}

void *__weft_reallocarray(void *p, size_t k, size_t n)
{
	size_t total;

	if (__builtin_mul_overflow(k, n, &total)) {
		errno = ENOMEM;
		return NULL;
	}
	return __weft_realloc(p, total);
}

int __weft_posix_memalign(void **out, size_t align, size_t n)
{
	if (!weft__pt_live())
		return posix_memalign(out, align, n);
	if (align < sizeof(void *) || (align & (align - 1)))
		return EINVAL;
	*out = tracked(n, align, false, "posix_memalign", PT_LOC());
	return 0;
}

void *__weft_aligned_alloc(size_t align, size_t n)
{
	if (!weft__pt_live())
		return aligned_alloc(align, n);
	if (align == 0 || (align & (align - 1))) {
		errno = EINVAL;
		return NULL;
	}
	return tracked(n, align, false, "aligned_alloc", PT_LOC());
}

void *__weft_memalign(size_t align, size_t n)
{
	if (!weft__pt_live())
		return memalign(align, n);
	return tracked(n, align, false, "memalign", PT_LOC());
}

char *__weft_strdup(const char *s)
{
	size_t n;
	char *p;

	if (!weft__pt_live())
		return strdup(s);
	n = strlen(s) + 1;
	weft__race_access(s, n, 0, (uintptr_t)__builtin_return_address(0));
	p = tracked(n, 16, false, "strdup", PT_LOC());
	memcpy(p, s, n);
	return p;
}

char *__weft_strndup(const char *s, size_t max)
{
	size_t n;
	char *p;

	if (!weft__pt_live())
		return strndup(s, max);
	n = strnlen(s, max);
	weft__race_access(s, n, 0, (uintptr_t)__builtin_return_address(0));
	p = tracked(n + 1, 16, false, "strndup", PT_LOC());
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

size_t __weft_malloc_usable_size(void *p)
{
	struct blk *b;

	if (!weft__is_tracked(p))
		return malloc_usable_size(p);
	b = tab_get(p);
	return b ? b->n : 0;
}

/* The same allocator for C++'s operator new and delete (cxx_new.c). */
void *weft__pt_alloc(size_t n, size_t align, const char *what,
		     const struct weft_loc *loc)
{
	return tracked(n, align, false, what, loc);
}

void weft__pt_release(void *p, const char *what, const struct weft_loc *loc)
{
	release(p, what, loc);
}

static void malloc_begin(void)
{
	tab = NULL;
	tabcap = tabused = 0;
}

static struct weft__hooks hooks = { malloc_begin, NULL, NULL };

__attribute__((constructor)) static void malloc_init(void)
{
	weft__register_hooks(&hooks);
}
