/* src/arch/tls.h - a thread-local storage block for each fiber.
 *
 * Test threads are fibers on one OS thread, so without help they would all
 * share that thread's __thread variables (and errno).  On x86_64 with
 * glibc each fiber gets its own copy of the static TLS area and the TCB,
 * and the context switch moves the thread pointer (the %fs base) to the
 * copy of the fiber it resumes.  Elsewhere these are no-ops and fibers
 * share the thread's TLS. */
#ifndef WEFT_ARCH_TLS_H
#define WEFT_ARCH_TLS_H

#include <stdbool.h>
#include <stddef.h>

/* Whether fibers get their own TLS blocks (decided once per process). */
bool weft__tls_enabled(void);

/* A new block, a copy of the calling OS thread's (so the C library's own
 * thread state keeps working); returns the fiber's thread pointer.
 * weft__tls_block_at makes it in the weft__tls_block_bytes() bytes at m,
 * which the caller keeps for good: a fiber's stack and its block are one
 * mapping (stack.c), so that the span of a finished thread's memory the
 * race detector watches (its stack, __thread variables and errno) does
 * not take in the heap between them. */
void *weft__tls_block_new(void);
size_t weft__tls_block_bytes(void);
void *weft__tls_block_at(void *m);

/* Give the block at thread pointer tp a new thread's contents before a
 * test thread starts on it: the executable's __thread variables at their
 * initial values (for the test body: at the values the program's
 * constructors left, as its main sees them natively), errno 0. */
void weft__tls_thread_init(void *tp, bool body);

/* The executable's __thread variables in the block at thread pointer tp:
 * [*lo, *hi); false when it has none. */
bool weft__tls_exe_span(void *tp, const char **lo, const char **hi);

/* errno in the block at thread pointer tp: [*lo, *hi); false when the
 * fibers have no blocks of their own, or in swap mode, where every
 * fiber's errno has the OS thread's one address. */
bool weft__tls_errno_span(void *tp, const char **lo, const char **hi);

/* Save the current thread pointer in *save and make to (when not NULL)
 * the current one: the ucontext switch calls this, since swapcontext
 * leaves the thread pointer alone. */
void weft__tls_switch(void **save, void *to);

/* Swap mode (tls.c): the thread pointer stays the OS thread's and the
 * scheduler calls weft__tls_swap(the resumed fiber's block, or NULL for
 * the OS thread's own stack) before each switch, which puts that fiber's
 * values in place.  Blocks then are no thread pointers (contexts get
 * none). */
bool weft__tls_swapping(void);
/* What weft__tls_swap reads at every switch (kept by tls.c): inline,
 * since a call cost the kernel workload's 39 switches per execution
 * about 50 instructions each, to copy errno alone. */
struct weft__tls_swapper {
	char *cur;      /* the fiber whose values are in place, or NULL for
			   the OS thread */
	char *native;   /* the OS thread's own values */
	char *errno_at; /* the OS thread's errno */
	long errno_off; /* its offset from a thread pointer */
	int mode;       /* 0 no swap mode, 1 errno alone, 2 segments */
};
extern __attribute__((visibility("hidden"))) struct weft__tls_swapper
	weft__tls_sw;
/* Mode 2's copies, from the OS thread's area to from and from dst to it. */
void weft__tls_swap_segs(char *from, char *dst);
static inline void weft__tls_swap(void *to)
{
	struct weft__tls_swapper *S = &weft__tls_sw;
	char *from, *dst;
	int v;

	if (__builtin_expect(!S->mode, 1))
		return;
	from = S->cur ? S->cur : S->native;
	dst = to ? (char *)to : S->native;
	if (from == dst)
		return;
	if (S->mode == 1) {
		__builtin_memcpy(&v, S->errno_at, sizeof v);
		__builtin_memcpy(from + S->errno_off, &v, sizeof v);
		__builtin_memcpy(&v, dst + S->errno_off, sizeof v);
		__builtin_memcpy(S->errno_at, &v, sizeof v);
	} else {
		weft__tls_swap_segs(from, dst);
	}
	S->cur = to;
}
/* Whether addr lies in a segment swap mode swaps: every fiber's variable
 * there has that one address, so accesses of two threads to it are no
 * race (the race detector asks before it reports one). */
bool weft__tls_swapped(const void *addr);

#endif
