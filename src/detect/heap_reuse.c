/* src/detect/heap_reuse.c - whether a real allocator's reuse of a freed
 * block's address could have mattered (src/unexplored.def's REUSE).
 *
 * The tracked heap never hands an address out twice in an execution
 * (heap.c), so a program that tells blocks apart by their addresses alone
 * never sees two blocks at one address: an ABA through the allocator (a
 * reader's cached pointer compared equal to a new block that glibc's
 * tcache put at the freed one's address) is not explored.  A probe's
 * lock-free cache keyed by a config's address was verified with no word
 * although glibc made it return a stale value.  So the verdict says so
 * when such a reuse could have mattered: a block whose address an atomic
 * operation stored, loaded or compared (the places where code compares
 * addresses without a lock) was freed, and a later allocation of the same
 * size class came in the same execution.  Pools that recycle their own
 * nodes are not concerned: their reuse is the program's, and explored. */
#define WEFT__HEAP_OWN /* its short names, heap.h */
#include "detect/heap.h"

#define REUSE_NOTE 0x5245555345414241ull

/* The size class of a request of n bytes, one bit of a 64-bit mask:
 * glibc's chunk size (the request and its 8-byte header, rounded to 16,
 * at least 32) over 16, with every chunk past 1008 bytes in the last
 * class (a large block may be carved from a larger freed one). */
static unsigned size_class(size_t n)
{
	size_t chunk = (n + 8 + 15) & ~(size_t)15;

	if (chunk < 32)
		chunk = 32;
	return chunk / 16 < 63 ? (unsigned)(chunk / 16) : 63;
}

static bool published(const struct weft__hblock *b)
{
	return b->pub == H->resets + 1;
}

void weft__heap_published(const void *p)
{
	struct weft__hblock *b;

	if (weft__self() < 0 || !(b = block_of(p)) || published(b))
		return;
	b->pub = H->resets + 1;
	/* A freed block's address published (a stale pointer stored back)
	 * can be reused from now on as well. */
	if (b->state == SH_FREED)
		weft__heap_reuse_freed(b);
}

void weft__heap_reuse_freed(const struct weft__hblock *b)
{
	if (published(b))
		H->reuse_classes |= (uint64_t)1 << size_class(b->n);
}

void weft__heap_reuse_alloc(size_t n, const struct weft_loc *loc)
{
	const struct weft__hblock *b = NULL;
	unsigned c = size_class(n);

	if (!(H->reuse_classes & ((uint64_t)1 << c)) ||
	    weft__verdict_noted(REUSE_NOTE))
		return;
	/* The freed block it could have reused, for the note: a search of
	 * the execution's blocks, once per test. */
	for (size_t i = H->nblocks; i-- > 0 && !b;)
		if (H->blocks[i].state == SH_FREED && published(&H->blocks[i]) &&
		    size_class(H->blocks[i].n) == c)
			b = &H->blocks[i];
	if (!b)
		return;
	weft__verdict_unexplored(
		WEFT__UNEXPLORED(REUSE), REUSE_NOTE,
		weft__internf("%s#%zu, whose address an atomic operation held, "
			      "was freed at %s, and the allocation of %zu "
			      "bytes at %s could have been given its address "
			      "by a real allocator (glibc's does); weft never "
			      "reuses an address in an execution, so a bug "
			      "that needs the reuse (an ABA through the "
			      "allocator) is not found",
			      b->what, (size_t)(b - H->blocks),
			      weft__heap_site(b->floc), n,
			      weft__heap_site(loc)));
}
