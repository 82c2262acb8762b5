/* src/detect/heap.h - the tracked heap's blocks, as the leak check
 * (leak.c) walks them, and the blocks allocated before main.  heap.c owns
 * the blocks; nothing else changes them. */
#ifndef WEFT_DETECT_HEAP_H
#define WEFT_DETECT_HEAP_H

#include "internal.h"

/* One allocated (or freed) block of the current execution.  A block the
 * program allocated before main has before_main set and atid -1: it is
 * part of the state the test started from, a root rather than a leak, and
 * never live under --leaks=all (it is not the test's allocation). */
struct weft__block_view {
	const char *p;
	size_t n;
	const char *what;
	const struct weft_loc *aloc;
	int atid;
	bool live;
	bool before_main;
};

size_t weft__heap_nblocks(void);
void weft__heap_block(size_t i, struct weft__block_view *out);
/* The index of the live or freed block containing p, or -1. */
long weft__heap_index(const void *p);

/* At the end of a test: report the live blocks nothing reachable points
 * to (a non-fatal "leak" finding; exploration goes on). */
void weft__leak_check(void);

/* ---- blocks allocated before main ------------------------------------
 *
 * Every execution starts from the program's state at main's entry, which
 * includes the blocks the program allocated before main (constructors, C++
 * static initialisers).  Its malloc and operator new (src/pthread/) put
 * them on the tracked heap too, outside any execution; the worker's
 * snapshot of that state (weft__globals_snapshot) saves their contents,
 * and every execution starts with each block live again and holding
 * them.  Inside an execution they are blocks like the others: a free
 * quarantines one (so a later access is use-after-free and a second free
 * a double free) without giving it back.  They are not the test's
 * allocations but its starting state, like the globals: not leaks
 * themselves, and no leak is looked for when none of the test's own
 * blocks is still live at its end. */

/* Whether main has not begun yet: the snapshot was not taken (always so in
 * the parent process, which runs no execution). */
bool weft__heap_before_main(void);
/* A block of n bytes for the call at return address pc, before main (NULL
 * when n is impossible); its free before main. */
void *weft__heap_alloc_before_main(size_t n, bool zero, const char *what,
				   uintptr_t pc);
void weft__heap_free_before_main(void *p, uintptr_t pc);
/* Main begins: save the live blocks' contents for every execution. */
void weft__heap_snapshot(void);

#endif
