/* src/sched/stack.c - fiber stacks with guard pages.
 *
 * Each stack is an mmap'd region whose lowest GUARD bytes are PROT_NONE, so
 * a test thread that overflows its stack faults on the guard; the worker's
 * SIGSEGV handler (on its own alternate stack) recognises the address and
 * reports a crash "stack overflow" with the schedule.  The guard is wider
 * than a page so that a frame with a large local array cannot step over it.
 * Stacks are reserved with MAP_NORESERVE: a native-sized 8 MiB stack costs
 * only the pages a thread touches.  They are pooled and reused across
 * executions: each execution hands them out again in the pool's order, the
 * first free stack of the size asked for, so the same program state gets
 * the same addresses.  When threads have their own TLS (src/arch/tls.c),
 * each stack carries the TLS block of the fibers that run on it. */
#include <sys/mman.h>
#include <unistd.h>

#include "sched.h"
#include "arch/tls.h"

#define GUARD_MIN (64 * 1024)

struct pool {
	struct weft__stack *all;   /* every stack ever made, in order */
};
static struct pool *P;         /* persistent: survives global restores */

/* Asked once: every thread creation rounds its stack size to it, and the
 * call showed in the profile of an execution. */
static size_t page_size(void)
{
	static size_t page;

	if (!page)
		page = (size_t)sysconf(_SC_PAGESIZE);
	return page;
}

static size_t guard_size(void)
{
	size_t page = page_size();

	return GUARD_MIN > page ? GUARD_MIN : page;
}

static unsigned ncolor;

static struct weft__stack *stack_new(size_t size)
{
	size_t guard = guard_size(), page = page_size();
	size_t color = (size_t)(ncolor++ % 8) * 448;
	/* Room for the block at an offset of the stack's colour: blocks at
	 * one offset in mappings of one size fell into the same cache sets,
	 * and the kernel workload (a few threads switching at every step)
	 * ran 4% slower than with the blocks packed apart (bench/ab.sh). */
	size_t tls = weft__tls_enabled()
			     ? (weft__tls_block_bytes() + 8 * 448 + page - 1) &
				       ~(page - 1)
			     : 0;
	struct weft__stack *s = weft__persistent_alloc(sizeof *s);
	char *m;

	/* The TLS block lies just above the stack, in its mapping. */
	m = mmap(NULL, size + guard + tls, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
	if (m == MAP_FAILED)
		weft__die("cannot map a %zu-byte fiber stack", size);
	if (mprotect(m, guard, PROT_NONE) != 0)
		weft__die("cannot protect a stack guard");
	s->guard = m;
	s->base = m + guard;
	s->prot_hi = s->base;
	s->size = size;
	s->tp = tls ? weft__tls_block_at(m + guard + size + color) : NULL;
	s->color = color;
	return s;
}

struct weft__stack *weft__stack_get(size_t size)
{
	size_t page = page_size();
	struct weft__stack **end, *s;

	if (size == 0)
		size = (size_t)weft__opts.stack_size;
	size = (size + page - 1) & ~(page - 1);
	if (!P)
		P = weft__persistent_alloc(sizeof *P);
	for (end = &P->all; (s = *end); end = &s->next) {
		if (!s->used && s->size == size) {
			s->used = true;
			return s;
		}
	}
	/* Append, so the pool's order stays the creation order. */
	s = stack_new(size);
	s->used = true;
	*end = s;
	return s;
}

void weft__stack_put(struct weft__stack *s)
{
	if (s)
		s->used = false;
}

/* Make every stack available again for the next execution. */
void weft__stack_put_all(void)
{
	for (struct weft__stack *s = P ? P->all : NULL; s; s = s->next)
		s->used = false;
}

/* The pages of s below hi, [base, hi) page by page: whether any is in
 * memory, and forgetting them (they read as zeros when touched again). */
static bool page_range(const struct weft__stack *s, const char *hi,
		       char **lo, size_t *n)
{
	size_t page = page_size();
	uintptr_t top = (uintptr_t)hi & ~(page - 1);

	*lo = s->base;
	if (top <= (uintptr_t)s->base)
		return false;
	*n = top - (uintptr_t)s->base;
	return true;
}

bool weft__stack_touched_below(const struct weft__stack *s, const char *hi)
{
	unsigned char vec[64];
	size_t page = page_size(), n;
	char *lo;

	if (!page_range(s, hi, &lo, &n))
		return false;
	for (size_t off = 0; off < n; off += sizeof vec * page) {
		size_t len = n - off < sizeof vec * page ? n - off
							  : sizeof vec * page;
		if (mincore(lo + off, len, vec) != 0)
			return false;
		for (size_t i = 0; i < len / page; i++)
			if (vec[i] & 1)
				return true;
	}
	return false;
}

void weft__stack_forget_below(const struct weft__stack *s, const char *hi)
{
	size_t n;
	char *lo;

	if (page_range(s, hi, &lo, &n) && weft__stack_touched_below(s, hi))
		madvise(lo, n, MADV_DONTNEED);
}

bool weft__stack_overflowed(const void *addr, const void *sp)
{
	const char *a = addr, *p = sp;
	const size_t reach = (size_t)1 << 30;

	if (weft__addr_in_guard(addr))
		return true;
	if (!sp)
		return false;
	for (struct weft__stack *s = P ? P->all : NULL; s; s = s->next) {
		const char *g = s->guard;
		if (p < g && p + reach > g && a < g && a + reach > g)
			return true;
	}
	return false;
}

bool weft__addr_in_guard(const void *addr)
{
	const char *a = addr;

	/* The guard, and the room below a thread's size made inaccessible
	 * with it (weft__stack_protect_below). */
	for (struct weft__stack *s = P ? P->all : NULL; s; s = s->next)
		if (a >= (char *)s->guard && a < s->prot_hi)
			return true;
	return false;
}

/* hi page-aligned down, and not below s's base. */
static char *prot_end(const struct weft__stack *s, const char *hi)
{
	char *h = (char *)((uintptr_t)hi & ~(page_size() - 1));

	return h < (char *)s->base ? (char *)s->base : h;
}

bool weft__stack_protected_below(const struct weft__stack *s, const char *hi)
{
	return s->prot_hi == prot_end(s, hi);
}

bool weft__stack_protect_below(struct weft__stack *s, const char *hi)
{
	char *h = prot_end(s, hi);

	if (h == s->prot_hi)
		return true;
	if (h > s->prot_hi
		    ? mprotect(s->prot_hi, (size_t)(h - s->prot_hi), PROT_NONE)
		    : mprotect(h, (size_t)(s->prot_hi - h),
			       PROT_READ | PROT_WRITE))
		return false;
	s->prot_hi = h;
	return true;
}

bool weft__in_fiber_stack(const void *addr)
{
	const char *a = addr;

	for (struct weft__stack *s = P ? P->all : NULL; s; s = s->next)
		if (a >= (char *)s->base && a < (char *)s->base + s->size)
			return true;
	return false;
}
