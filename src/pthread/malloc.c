/* src/pthread/malloc.c - the program's heap on weft's tracked heap.
 *
 * Inside an execution malloc and friends allocate from the tracked heap, so
 * freed blocks stay in quarantine and a late access is reported as
 * use-after-free, a second free as double-free, and blocks still allocated
 * when the test ends as leak.  Before main (constructors, C++ static
 * initialisers) they allocate from it too: those blocks are part of the
 * state every execution starts from, put back at its start, and checked
 * like the others inside it (detect/heap.h).  After main outside
 * executions (destructors) and for memory libc allocated itself (the
 * calls that hand the program such memory are libc_alloc.c's, which
 * copies it to the tracked heap), libc's allocator is used; a free of such memory inside an
 * execution is ignored, because libc's heap is not rewound between
 * executions and the same pointer would otherwise be freed once per
 * execution.  getline and getdelim grow the program's buffer with this
 * file's realloc (input.c): glibc's own aborts on a tracked block.
 *
 * None of these block or are scheduling points, except a free inside an
 * execution.  Sizes (needed by realloc) and the base of over-aligned blocks
 * are kept in a table per execution, and one for the blocks from before
 * main. */
#include <errno.h>
#include <malloc.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>

#include "pthread/pt.h"
#include "detect/heap.h"
#include "modelled.h"
#include "report/report.h"

struct blk {
	void *p;             /* pointer handed to the program */
	void *base;          /* what the tracked heap returned */
	size_t n;
};

struct table {
	struct blk *slot;
	size_t cap, used;
	bool persistent;     /* blocks from before main, for the process */
};
static struct table cur;                         /* this execution's */
static struct table pre = { .persistent = true }; /* before main */

static size_t hash(const void *p)
{
	return (size_t)(((uintptr_t)p >> 4) * 0x9e3779b97f4a7c15ULL);
}

static void tab_put(struct table *t, void *p, void *base, size_t n);

static void tab_grow(struct table *t)
{
	struct blk *old = t->slot;
	size_t oldcap = t->cap, size;

	t->cap = t->cap ? t->cap * 2 : 1024;
	size = sizeof *t->slot * t->cap;
	t->slot = t->persistent ? weft__persistent_alloc(size)
				: weft__exec_alloc(size);
	t->used = 0;
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].p)
			tab_put(t, old[i].p, old[i].base, old[i].n);
}

static void tab_put(struct table *t, void *p, void *base, size_t n)
{
	if ((t->used + 1) * 2 > t->cap)
		tab_grow(t);
	for (size_t i = hash(p);; i++) {
		struct blk *b = &t->slot[i & (t->cap - 1)];
		if (!b->p || b->p == p) {
			if (!b->p)
				t->used++;
			*b = (struct blk){ p, base, n };
			return;
		}
	}
}

static struct blk *tab_find(const struct table *t, const void *p)
{
	if (!t->cap)
		return NULL;
	for (size_t i = hash(p);; i++) {
		struct blk *b = &t->slot[i & (t->cap - 1)];
		if (b->p == p)
			return b;
		if (!b->p)
			return NULL;
	}
}

/* Addresses are never reused between the two tables: the blocks from
 * before main stay below every block of an execution. */
static struct blk *tab_get(const void *p)
{
	struct blk *b = tab_find(&cur, p);

	return b ? b : tab_find(&pre, p);
}

/* Before main the program may already run threads of its own (real ones,
 * which weft does not schedule), so changes to the tracked heap there take
 * this lock; inside an execution only one thread runs at a time. */
static bool premain_lock;

static void premain_enter(void)
{
	while (__atomic_exchange_n(&premain_lock, true, __ATOMIC_ACQUIRE))
		sched_yield();
}

static void premain_leave(void)
{
	__atomic_store_n(&premain_lock, false, __ATOMIC_RELEASE);
}

/* Nonzero while the C++ runtime builds state of its own that outlives
 * the execution (weft__pt_heap_pause). */
static int paused;

void weft__pt_heap_pause(bool on)
{
	paused += on ? 1 : -1;
}

bool weft__pt_heap_tracked(void)
{
	return !paused && (weft__pt_live() || weft__heap_before_main());
}

/* A tracked block for the call at return address ra, inside an execution
 * or before main (weft__pt_heap_tracked). */
static void *tracked(size_t n, size_t align, bool zero, const char *what,
		     uintptr_t ra)
{
	bool live = weft__pt_live();
	size_t extra = align <= 16 ? 0 : align;
	char *base, *p;

	if (__builtin_add_overflow(n, extra, &(size_t){ 0 })) {
		errno = ENOMEM;
		return NULL;
	}
	if (!live)
		premain_enter();
	base = live ? weft__malloc(n + extra, zero, what, weft__pc_loc(ra))
		    : weft__heap_alloc_before_main(n + extra, zero, what, ra);
	p = extra && base ? (char *)(((uintptr_t)base + align - 1) &
				     ~(uintptr_t)(align - 1))
			  : base;
	/* An overrun of an aligned block is one too, not of its slack (also
	 * before main: those blocks keep their shadow in every execution). */
	if (extra && p)
		weft__heap_trim(base, p, n);
	if (p)
		tab_put(live ? &cur : &pre, p, base, n);
	if (!live)
		premain_leave();
	if (!p)
		errno = ENOMEM;
	return p;
}

/* Frees for the call at return address ra: in an execution a step of the
 * test; before main a block simply ends; after main outside executions
 * tracked memory is left to be rewound with its execution. */
/* Code built into the program from the system's headers (libstdc++'s
 * std::string, whose members weft-c++ has the program instantiate): a free
 * there during a static destructor is named by the destructor too. */
static bool system_code(uintptr_t ra)
{
	return weft__system_file(weft__pc_loc(ra)->file);
}

/* A pointer no allocator can have handed out, given to free or realloc
 * in an execution: glibc aborts ("free(): invalid pointer"), and weft,
 * which leaves memory it did not allocate to libc, ignored it and
 * verified such a program.  Misaligned (glibc's blocks are 16-byte
 * aligned), in the first 64 KiB, on a test thread's stack, or in the
 * program's static data. */
static void untracked_check(const void *p, const char *what, uintptr_t ra)
{
	const char *why = NULL;

	if (weft__in_fiber_stack(p))
		why = "on a thread's stack";
	else if (weft__in_static_data(p))
		why = "in the program's static data";
	else if ((uintptr_t)p & 15)
		why = "not aligned as any allocator's block";
	else if ((uintptr_t)p < ((uintptr_t)1 << 16))
		why = "no address an allocator gives";
	if (why)
		weft__fail(WEFT__K(MISUSE), weft__pc_loc(ra),
			   "%s of %p, %s, which no allocator handed out",
			   what, p, why);
}

static void release(void *p, const char *what, uintptr_t ra)
{
	struct blk *b;

	if (!p)
		return;
	if (!weft__is_tracked(p)) {
		if (!weft__pt_live())
			free(p);
		else
			untracked_check(p, what, ra);
		return; /* libc's memory: see the comment at the top */
	}
	if (weft__pt_live()) {
		const struct weft_loc *xs = weft__pt_exit_site();
		b = tab_get(p);
		if (xs && (!weft__in_executable(ra) || system_code(ra)))
			weft__free_step(b ? b->base : p, what, xs);
		else
			weft__free_step_ra(b ? b->base : p, what, ra);
		weft__pt_stack_release(b ? b->base : p, b ? b->n : 1, what,
				       xs, ra);
	} else if (weft__heap_before_main()) {
		premain_enter();
		b = tab_get(p);
		weft__heap_free_before_main(b ? b->base : p, ra);
		premain_leave();
	}
}

void *__weft_malloc(size_t n)
{
	if (!weft__pt_heap_tracked())
		return malloc(n);
	return tracked(n, 16, false, "malloc", PT_RA());
}

void *__weft_calloc(size_t k, size_t n)
{
	size_t total;

	if (!weft__pt_heap_tracked())
		return calloc(k, n);
	if (__builtin_mul_overflow(k, n, &total)) {
		errno = ENOMEM;
		return NULL;
	}
	return tracked(total, 16, true, "calloc", PT_RA());
}

void __weft_free(void *p)
{
	release(p, "free", PT_RA());
}

/* realloc for the call at return address ra; a new block is named what
 * (the call that allocated it, for the reports). */
static void *resize(void *p, size_t n, const char *what, uintptr_t ra)
{
	struct blk *b;
	size_t old;
	void *q;

	if (!weft__pt_heap_tracked())
		return weft__is_tracked(p) ? NULL : realloc(p, n);
	if (!p)
		return tracked(n, 16, false, what, ra);
	if (n == 0) {
		release(p, "free", ra);
		return NULL;
	}
	if (weft__is_tracked(p)) {
		b = tab_get(p);
		old = b ? b->n : 0;
		/* Reading the old block checks it is not already freed. */
		if (weft__pt_live())
			weft__check_access(p, old < n ? old : n, false,
					   weft__pc_loc(ra));
	} else {
		if (weft__pt_live())
			untracked_check(p, "realloc", ra);
		old = malloc_usable_size(p);
	}
	q = tracked(n, 16, false, what, ra);
	if (!q)
		return NULL;
	memcpy(q, p, old < n ? old : n);
	release(p, "realloc", ra);
	return q;
}

void *__weft_realloc(void *p, size_t n)
{
	return resize(p, n, "malloc", PT_RA());
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
	void *p;

	if (!weft__pt_heap_tracked())
		return posix_memalign(out, align, n);
	if (align < sizeof(void *) || (align & (align - 1)))
		return EINVAL;
	p = tracked(n, align, false, "posix_memalign", PT_RA());
	if (!p)
		return ENOMEM;
	*out = p;
	return 0;
}

void *__weft_aligned_alloc(size_t align, size_t n)
{
	if (!weft__pt_heap_tracked())
		return aligned_alloc(align, n);
	if (align == 0 || (align & (align - 1))) {
		errno = EINVAL;
		return NULL;
	}
	return tracked(n, align, false, "aligned_alloc", PT_RA());
}

void *__weft_memalign(size_t align, size_t n)
{
	if (!weft__pt_heap_tracked())
		return memalign(align, n);
	return tracked(n, align, false, "memalign", PT_RA());
}

char *__weft_strdup(const char *s)
{
	size_t n;
	char *p;

	if (!weft__pt_heap_tracked())
		return strdup(s);
	n = strlen(s) + 1;
	weft__race_access(s, n, 0, PT_RA());
	p = tracked(n, 16, false, "strdup", PT_RA());
	if (p)
		memcpy(p, s, n);
	return p;
}

char *__weft_strndup(const char *s, size_t max)
{
	size_t n;
	char *p;

	if (!weft__pt_heap_tracked())
		return strndup(s, max);
	n = strnlen(s, max);
	/* It reads the terminator too when it comes before max (a probe:
	 * a thread ending the string at strndup's place was verified). */
	weft__race_access(s, n < max ? n + 1 : n, 0, PT_RA());
	p = tracked(n + 1, 16, false, "strndup", PT_RA());
	if (p) {
		memcpy(p, s, n);
		p[n] = 0;
	}
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

/* The same heaps for C++'s operator new and delete (cxx_new.c). */
void *weft__pt_alloc(size_t n, size_t align, const char *what, uintptr_t ra)
{
	return tracked(n, align, false, what, ra);
}

void weft__pt_release(void *p, const char *what, uintptr_t ra)
{
	release(p, what, ra);
}

void *weft__pt_realloc(void *p, size_t n, const char *what, uintptr_t ra)
{
	return resize(p, n, what, ra);
}

void weft__pthread_malloc_begin(void)
{
	cur = (struct table){ 0 };
}
