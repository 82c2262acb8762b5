/* src/detect/heap_use.c - the check of an access against the tracked heap
 * (heap.c): a use of a freed block (use-after-free), of heap memory in no
 * block (out-of-bounds: the empty granule carve leaves before every
 * block and after the last), or of a finished thread's stack.  The test
 * every model makes at every step is inline (weft__heap_bad, heap.h); the
 * reports, each with the access drawn in the trace (it is no step), are
 * apart and cold. */
#include <stdio.h>
#include <string.h>

#define WEFT__HEAP_OWN /* its short names, heap.h */
#include "detect/heap.h"
#include "report/report.h"

/* Who allocated or freed a block: a thread, or the program before main. */
const char *weft__heap_who(int tid)
{
	return tid < 0 ? "the program before main" : weft__thread_name(tid);
}

const char *weft__heap_site(const struct weft_loc *l)
{
	if (!l || !l->file)
		return "an unknown place";
	if (!l->line && l->func) /* "exit, in the destructor of config" */
		return weft__internf("%s, in %s", l->file, l->func);
	return weft__internf("%s:%d%s%s", l->file, l->line,
			     l->func ? " in " : "", l->func ? l->func : "");
}

static unsigned heap_state(const void *p)
{
	return H->shadow[(size_t)((const char *)p - H->arena) / GRANULE] & 3;
}

/* An object of a model (a completion, a lock, a wait queue) on the stack
 * of a thread that finished: the on-stack completion a late complete()
 * writes into.  Checked before the model reads the object, which the
 * stack's next use may have overwritten (a lock's name became a wild
 * pointer, and weft crashed in strlen). */
static __attribute__((noinline, cold)) void
dead_stack_use(const void *p, bool write, const struct weft_loc *loc)
{
	const char *owner;
	bool tls;

	if (!weft__in_dead_stack(p, &owner, &tls))
		return;
	weft__mark_here(write ? "write" : "read",
			weft__internf("%s of %s", tls ? "TLS" : "stack", owner),
			loc, "[here]");
	weft__fail(WEFT__K(USE_AFTER_FREE), loc,
		   "%s of an object in the %s of thread %s, which has "
		   "finished: a pointer to its %s outlived it",
		   write ? "write" : "read",
		   tls ? "thread-local storage" : "stack", owner,
		   tls ? "_Thread_local variables" : "local variables");
}

/* The report of a use of freed memory, apart from the test every model
 * makes at every step, so that the test stays small enough to inline. */
static __attribute__((noinline, cold)) void
freed_use(const void *p, size_t n, bool write, const struct weft_loc *loc)
{
	struct weft__hblock *b = block_of(p);

	if (!b || b->state != SH_FREED)
		b = block_of((const char *)p + n - 1);
	weft__mark_here(write ? "write" : "read",
			weft__internf("%s#%zu", b->what, (size_t)(b - H->blocks)),
			loc, "[here]");
	weft__fail_detail("the %zu-byte block was allocated by %s at %s",
			  b->n, weft__heap_who(b->atid), weft__heap_site(b->aloc));
	weft__fail_detail("and freed by %s at %s", weft__heap_who(b->ftid),
			  weft__heap_site(b->floc));
	weft__fail(WEFT__K(USE_AFTER_FREE), loc,
		   "%s of %zu byte%s at offset %td of %s#%zu, freed memory",
		   write ? "write" : "read", n, n == 1 ? "" : "s",
		   (const char *)p - b->p, b->what, (size_t)(b - H->blocks));
}

/* The live or freed block nearest to the granule g, looking no further
 * than a few granules either way (the empty granule between blocks is
 * one), or NULL; *below is whether it lies below g. */
static struct weft__hblock *near_block(size_t g, bool *below)
{
	size_t ng = H->used / GRANULE + 1;

	for (size_t d = 1; d <= 4; d++) {
		if (g >= d && (H->shadow[g - d] & 3) != SH_NONE) {
			*below = true;
			return &H->blocks[H->shadow[g - d] >> 2];
		}
		if (g + d < ng && (H->shadow[g + d] & 3) != SH_NONE) {
			*below = false;
			return &H->blocks[H->shadow[g + d] >> 2];
		}
	}
	return NULL;
}

/* The report of an access to heap memory in no block: past the end of
 * the block below it or before the start of the one above (the empty
 * granule between blocks), or anywhere else in the arena. */
static __attribute__((noinline, cold)) void
oob_use(const void *p, size_t n, bool write, const struct weft_loc *loc)
{
	const char *a = p;
	size_t off = (size_t)(a - H->arena), g = off / GRANULE;
	bool below = false;
	struct weft__hblock *b;

	if ((H->shadow[g] & 3) != SH_NONE)
		g = (off + n - 1) / GRANULE;
	b = near_block(g, &below);
	weft__mark_here(write ? "write" : "read",
			b ? weft__internf("%s#%zu", b->what,
					  (size_t)(b - H->blocks))
			  : "heap",
			loc, "[here]");
	if (!b)
		weft__fail(WEFT__K(OUT_OF_BOUNDS), loc,
			   "%s of %zu byte%s at %p, heap memory in no "
			   "allocated block", write ? "write" : "read", n,
			   n == 1 ? "" : "s", p);
	weft__fail_detail("the %zu-byte block was allocated by %s at %s%s",
			  b->n, weft__heap_who(b->atid), weft__heap_site(b->aloc),
			  b->state == SH_FREED ? ", and is freed" : "");
	if (below)
		weft__fail(WEFT__K(OUT_OF_BOUNDS), loc,
			   "%s of %zu byte%s at offset %td of %s#%zu, %td "
			   "byte%s past the end of its %zu bytes",
			   write ? "write" : "read", n, n == 1 ? "" : "s",
			   a - b->p, b->what, (size_t)(b - H->blocks),
			   a - (b->p + b->n), a - (b->p + b->n) == 1 ? "" : "s",
			   b->n);
	weft__fail(WEFT__K(OUT_OF_BOUNDS), loc,
		   "%s of %zu byte%s at offset %td of %s#%zu, before its start",
		   write ? "write" : "read", n, n == 1 ? "" : "s", a - b->p,
		   b->what, (size_t)(b - H->blocks));
}

void weft__check_access(const void *p, size_t n, bool write,
			const struct weft_loc *loc)
{
	if (!weft__is_tracked(p)) {
		/* The span test inline: models check their objects at
		 * every step, and nearly none is near a finished stack. */
		if ((const char *)p >= weft__dead_lo &&
		    (const char *)p < weft__dead_hi)
			dead_stack_use(p, write, loc);
		return;
	}
	if (!weft__heap_bad(p, n))
		return;
	if (heap_state(p) == SH_FREED ||
	    heap_state((const char *)p + (n ? n - 1 : 0)) == SH_FREED)
		freed_use(p, n, write, loc);
	oob_use(p, n, write, loc);
}

