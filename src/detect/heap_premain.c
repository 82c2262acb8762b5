/* src/detect/heap_premain.c - the tracked heap's blocks allocated before
 * main (see heap.h): taken outside any execution, saved at main's entry,
 * and live again with those contents at every execution's start. */
#include <string.h>

#define WEFT__HEAP_OWN /* its short names, heap.h */
#include "detect/heap.h"
#include "detect/race.h"

/* Blocks allocated before main that this execution freed are live again,
 * and every live one gets back its contents at main's entry. */
void weft__heap_premain_restore(void)
{
	struct weft__hpremain *P = &H->pre;
	const char *from = P->saved;

	for (size_t i = 0; i < P->nrevive; i++) {
		struct weft__hblock *b = &H->blocks[P->revive[i]];
		b->state = SH_LIVE;
		b->floc = NULL;
		b->fpc = 0;
		b->ftid = -1;
		mark_live((size_t)(b->p - H->arena), b->n, P->revive[i]);
		/* An aligned block's slack past the program's part is in
		 * no block again. */
		if (b->uoff || b->un != b->n)
			weft__heap_trim(b->p, b->p + b->uoff, b->un);
	}
	P->nrevive = 0;
	for (size_t i = 0; i < P->nspans; i++) {
		memcpy(H->arena + P->spans[i].off, from, P->spans[i].len);
		from += P->spans[i].len;
	}
}

/* ---- blocks allocated before main ------------------------------------- */

bool weft__heap_before_main(void)
{
	return !H || !H->pre.taken;
}

void *weft__heap_alloc_before_main(size_t n, bool zero, const char *what,
				   uintptr_t pc)
{
	return carve(n, zero, what, NULL, pc);
}

/* Not a fault of the test, nor a step of it: a bad or repeated free is
 * left to the program (it is not in any execution). */
void weft__heap_free_before_main(void *p, uintptr_t pc)
{
	struct weft__hblock *b = p && H && !H->pre.taken ? block_of(p) : NULL;

	if (!b || b->p != p || b->state != SH_LIVE)
		return;
	b->state = SH_FREED;
	b->fpc = pc;
	set_shadow((size_t)(b->p - H->arena), b->n ? b->n : 1,
		   WEFT__SH_VAL(b - H->blocks, 0, SH_FREED));
}

/* Blocks closer than this are saved and restored as one span, gaps
 * included: one copy is cheaper than two. */
#define SPAN_GAP 256

void weft__heap_snapshot(void)
{
	struct weft__hpremain *P;
	size_t total = 0;
	char *to;

	if (!H)
		weft__heap_init();
	P = &H->pre;
	P->taken = true;
	P->used = H->used;
	P->nblocks = H->nblocks;
	/* At most one span and one revival per block. */
	P->revive = weft__persistent_alloc(H->nblocks * sizeof *P->revive);
	P->spans = weft__persistent_alloc(H->nblocks * sizeof *P->spans);
	for (size_t i = 0; i < H->nblocks; i++) {
		struct weft__hblock *b = &H->blocks[i];
		size_t off = (size_t)(b->p - H->arena);
		struct weft__hspan *last = &P->spans[P->nspans ? P->nspans - 1 : 0];
		if (b->apc && !b->aloc)
			b->aloc = weft__pc_loc(b->apc);
		if (b->fpc && !b->floc)
			b->floc = weft__pc_loc(b->fpc);
		if (b->state != SH_LIVE || !b->n)
			continue;
		/* Blocks are in address order: each extends the last span
		 * or starts one. */
		if (P->nspans && off - (last->off + last->len) <= SPAN_GAP)
			last->len = off + b->n - last->off;
		else
			P->spans[P->nspans++] = (struct weft__hspan){ off, b->n };
	}
	for (size_t i = 0; i < P->nspans; i++)
		total += P->spans[i].len;
	to = P->saved = weft__persistent_alloc(total);
	for (size_t i = 0; i < P->nspans; i++) {
		memcpy(to, H->arena + P->spans[i].off, P->spans[i].len);
		to += P->spans[i].len;
	}
}
