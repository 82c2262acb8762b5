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

void weft__dead_stack_use_at(const void *p, bool write, unsigned size,
			     const struct weft_loc *loc)
{
	const char *owner, *rw = write ? "write" : "read", *what;
	int kind;
	bool tls;

	if (!weft__in_dead_stack(p, &owner, &kind))
		return;
	tls = kind == WEFT__DEAD_TLS;
	what = size ? weft__internf("%u bytes", size) : "an object";
	/* The access is no step: drawn after the thread's last one. */
	weft__mark_here(rw,
			weft__internf("%s of %s",
				      kind == WEFT__DEAD_ERRNO ? "errno"
				      : tls		       ? "TLS"
							       : "stack",
				      owner),
			loc, "[here]");
	if (kind == WEFT__DEAD_ERRNO)
		weft__fail(WEFT__K(USE_AFTER_FREE), loc,
			   "%s of %s in the errno of thread %s, which has "
			   "finished: a pointer to its errno (&errno) "
			   "outlived it",
			   rw, what, owner);
	if (kind == WEFT__DEAD_RETURNED)
		weft__fail(WEFT__K(USE_AFTER_FREE), loc,
			   "%s of %s in the stack of thread %s, in the frames "
			   "main left when it returned: a pointer to main's "
			   "local variables outlived main",
			   rw, what, owner);
	weft__fail(WEFT__K(USE_AFTER_FREE), loc,
		   "%s of %s in the %s of thread %s, which has finished: a "
		   "pointer to its %s outlived it",
		   rw, what, tls ? "thread-local storage" : "stack", owner,
		   tls ? "_Thread_local variables" : "local variables");
}

/* An object of a model (a completion, a lock, a wait queue) on the stack
 * of a thread that finished: the on-stack completion a late complete()
 * writes into.  Checked before the model reads the object, which the
 * stack's next use may have overwritten (a lock's name became a wild
 * pointer, and weft crashed in strlen). */
static __attribute__((noinline, cold)) void
dead_stack_use(const void *p, bool write, const struct weft_loc *loc)
{
	weft__dead_stack_use_at(p, write, 0, loc);
}

static const char *bname(const struct weft__hblock *b)
{
	return weft__internf("%s#%zu", b->what, (size_t)(b - H->blocks));
}

/* Where the program's part of b begins and ends (weft__heap_trim). */
static const char *ustart(const struct weft__hblock *b)
{
	return b->p + b->uoff;
}

static const char *uend(const struct weft__hblock *b)
{
	return b->p + b->uoff + b->un;
}

/* The report of a use of freed memory whose first freed byte is q, apart
 * from the test every model makes at every step, so that the test stays
 * small enough to inline. */
static __attribute__((noinline, cold)) void
freed_use(const char *p, size_t n, bool write, const struct weft_loc *loc,
	  const char *q)
{
	struct weft__hblock *b = block_of(q);

	weft__mark_here(write ? "write" : "read", bname(b), loc, "[here]");
	weft__fail_detail("the %zu-byte block was allocated by %s at %s",
			  b->un, weft__heap_who(b->atid),
			  weft__heap_site(b->aloc));
	weft__fail_detail("and freed by %s at %s", weft__heap_who(b->ftid),
			  weft__heap_site(b->floc));
	weft__fail(WEFT__K(USE_AFTER_FREE), loc,
		   "%s of %zu byte%s at offset %td of %s, freed memory",
		   write ? "write" : "read", n, n == 1 ? "" : "s",
		   p - ustart(b), bname(b));
}

/* The block whose granule g is (live or freed), or NULL. */
static struct weft__hblock *at(size_t g)
{
	return g < H->used / GRANULE + 1 && (H->shadow[g] & 3) != SH_NONE
		       ? &H->blocks[H->shadow[g] >> WEFT__SH_IDX]
		       : NULL;
}

/* The report of an access to heap memory in no block, whose first such
 * byte is q: past the end of the block below q or before the start of
 * the one above (the empty granule is between both: the nearer is
 * named), or elsewhere in the arena. */
static __attribute__((noinline, cold)) void
oob_use(const char *p, size_t n, bool write, const struct weft_loc *loc,
	const char *q)
{
	size_t g = (size_t)(q - H->arena) / GRANULE;
	/* q in the slack of a live block's last granule: past its end. */
	struct weft__hblock *lo = (H->shadow[g] & 3) == SH_LIVE ? at(g)
				  : g			  ? at(g - 1)
							  : NULL;
	struct weft__hblock *hi = at(g + 1), *b;
	const char *rw = write ? "write" : "read", *s = n == 1 ? "" : "s", *bs;
	bool past = lo && (!hi || q - uend(lo) <= ustart(hi) - q);

	b = past ? lo : hi;
	/* q in the head of an aligned block, before the program's part. */
	if (b && b == at(g) && q < ustart(b))
		past = false;
	weft__mark_here(rw, b ? bname(b) : "heap", loc, "[here]");
	if (!b)
		weft__fail(WEFT__K(OUT_OF_BOUNDS), loc,
			   "%s of %zu byte%s at %p, heap memory in no "
			   "allocated block", rw, n, s, (const void *)p);
	weft__fail_detail("the %zu-byte block was allocated by %s at %s%s",
			  b->un, weft__heap_who(b->atid),
			  weft__heap_site(b->aloc),
			  b->state == SH_FREED ? ", and is freed" : "");
	bs = b->un == 1 ? "" : "s";
	if (past && p < uend(b))
		weft__fail(WEFT__K(OUT_OF_BOUNDS), loc,
			   "%s of %zu byte%s at offset %td of %s, which runs "
			   "past the end of its %zu byte%s", rw, n, s,
			   p - ustart(b), bname(b), b->un, bs);
	if (past && q == uend(b))
		weft__fail(WEFT__K(OUT_OF_BOUNDS), loc,
			   "%s of %zu byte%s at offset %td of %s, just past "
			   "the end of its %zu byte%s", rw, n, s,
			   p - ustart(b), bname(b), b->un, bs);
	if (past)
		weft__fail(WEFT__K(OUT_OF_BOUNDS), loc,
			   "%s of %zu byte%s at offset %td of %s, %td byte%s "
			   "past the end of its %zu byte%s", rw, n, s,
			   p - ustart(b), bname(b), q - uend(b),
			   q - uend(b) == 1 ? "" : "s", b->un, bs);
	weft__fail(WEFT__K(OUT_OF_BOUNDS), loc,
		   "%s of %zu byte%s at offset %td of %s, before its start",
		   rw, n, s, p - ustart(b), bname(b));
}

void weft__check_access(const void *p, size_t n, bool write,
			const struct weft_loc *loc)
{
	const char *a = p, *q;

	if (!weft__is_tracked(p)) {
		/* The span test inline: models check their objects at
		 * every step, and nearly none is near a finished stack. */
		if (a >= weft__dead_lo && a < weft__dead_hi)
			dead_stack_use(p, write, loc);
		return;
	}
	if (!weft__heap_bad(p, n))
		return;
	/* An access of no bytes (realloc of a malloc(0) block reads none)
	 * overruns nothing: only a freed block is wrong. */
	if (!n) {
		if (heap_state(a) == SH_FREED)
			freed_use(a, 0, write, loc, a);
		return;
	}
	/* The first byte in no live block decides the kind: past the live
	 * bytes of each granule (all but its slack). */
	for (q = a; q < a + n;) {
		size_t g = (size_t)(q - H->arena) / GRANULE;
		uint32_t v = H->shadow[g];
		const char *live_end =
			H->arena + (g + 1) * GRANULE - WEFT__SH_SLACK(v);
		if ((v & 3) != SH_LIVE || q >= live_end)
			break;
		q = live_end;
	}
	if (q >= a + n && n)
		return; /* (no such byte: cannot be, blocks have gaps) */
	if (heap_state(q) == SH_FREED)
		freed_use(a, n, write, loc, q);
	oob_use(a, n, write, loc, q);
}

