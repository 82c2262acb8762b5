/* src/detect/heap.h - the tracked heap's blocks, as the leak check
 * (leak.c) walks them.  heap.c owns the blocks; nothing else changes them. */
#ifndef WEFT_DETECT_HEAP_H
#define WEFT_DETECT_HEAP_H

#include "internal.h"

/* One allocated (or freed) block of the current execution. */
struct weft__block_view {
	const char *p;
	size_t n;
	const char *what;
	const struct weft_loc *aloc;
	int atid;
	bool live;
};

size_t weft__heap_nblocks(void);
void weft__heap_block(size_t i, struct weft__block_view *out);
/* The index of the live or freed block containing p, or -1. */
long weft__heap_index(const void *p);

/* At the end of a test: report the live blocks nothing reachable points
 * to (a non-fatal "leak" finding; exploration goes on). */
void weft__leak_check(void);

#endif
