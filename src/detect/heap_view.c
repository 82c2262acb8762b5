/* src/detect/heap_view.c - what reports and the leak check read of the
 * tracked heap (heap.c): its blocks one by one, a block's number, and the
 * names traces give heap objects.  None of these change the heap. */
#include <stdio.h>
#include <string.h>

#define WEFT__HEAP_OWN /* its short names, heap.h */
#include "detect/heap.h"

size_t weft__heap_nblocks(void)
{
	return H ? H->nblocks : 0;
}

/* The blocks from before main are the state the test started from, like
 * the globals: --leaks=all, which reports every block still allocated at
 * the end of the test, leaves them out (the view calls them not live), and
 * otherwise they are scanned for pointers like any live block. */
void weft__heap_block(size_t i, struct weft__block_view *out)
{
	const struct weft__hblock *b = &H->blocks[i];
	bool start = i < H->pre.nblocks;

	*out = (struct weft__block_view){
		.p = b->p, .n = b->n, .what = b->what, .aloc = b->aloc,
		.atid = b->atid, .before_main = start,
		.live = b->state == SH_LIVE &&
			!(start && weft__opts.leaks == WEFT__LEAKS_ALL) };
}

long weft__heap_index(const void *p)
{
	const struct weft__hblock *b = block_of(p);

	return b ? (long)(b - H->blocks) : -1;
}

/* The names last made for a few addresses: a lock in a heap object is
 * named at every operation on it, and formatting the name took half the
 * time of such a lock.  An address stays in one block for the whole
 * execution (no block is handed out twice before the heap is rewound),
 * so its name cannot change before the next execution: the copy in the
 * execution's name pool (pooled, of execution gen) is returned again.
 * A later execution that finds the address in a block of the same
 * number, start and allocator (so at the same offset) has the same name,
 * and only copies the text. */
static struct {
	const void *p;
	long gen;
	size_t blk;
	const char *base;        /* the block's start then */
	const char *pooled;
	char text[48];
} names[64];

/* Whether the name text begins with the allocator's name what: a
 * program's weft_malloc_at may name its blocks from memory it rewrites,
 * so a pointer equal to last execution's says nothing of the text. */
static bool same_what(const char *text, const char *what)
{
	size_t n = strlen(what);

	return strncmp(text, what, n) == 0 && text[n] == '#';
}

/* Names of heap objects for traces: the allocator and block number, which
 * are the same in every run of the same schedule. */
const char *weft__heap_name(const void *p)
{
	struct weft__hblock *b = block_of(p);
	size_t i = ((uintptr_t)p >> 3) % (sizeof names / sizeof names[0]);
	long gen = weft__exec_gen();
	char buf[512];
	size_t k;
	int n;

	if (!b)
		return NULL;
	k = (size_t)(b - H->blocks);
	if (names[i].p == p && names[i].blk == k && names[i].base == b->p &&
	    names[i].text[0] &&
	    (names[i].gen == gen || same_what(names[i].text, b->what))) {
		if (names[i].gen != gen) {
			names[i].gen = gen;
			names[i].pooled = weft__intern(names[i].text);
		}
		return names[i].pooled;
	}
	if ((const char *)p == b->p)
		n = snprintf(buf, sizeof buf, "%s#%zu", b->what, k);
	else
		n = snprintf(buf, sizeof buf, "%s#%zu+%td", b->what, k,
			     (const char *)p - b->p);
	if (n >= 0 && (size_t)n < sizeof names[i].text) {
		names[i].p = p;
		names[i].gen = gen;
		names[i].blk = k;
		names[i].base = b->p;
		memcpy(names[i].text, buf, (size_t)n + 1);
		return names[i].pooled = weft__intern(buf);
	}
	return weft__intern(buf);
}
