/* src/explore/odpor_wut.c - the exploration tree and its wakeup sequences.
 *
 * Nodes live in one growable pool with a free list, so the tree costs
 * memory in proportion to what is still to explore, not to what was
 * explored.  The insertion follows the wakeup-tree operation of Optimal
 * DPOR: walking down from the node before the race, a child is compatible
 * with the sequence v when its step is a weak initial of v (it is v's first
 * step of that thread with nothing in v before it that it depends on, or
 * its thread does not occur in v and it is independent of all of v); the
 * walk descends into the first compatible child, removing that step from v.
 * Reaching a leaf, or using up v, means an execution that covers v is
 * already scheduled; otherwise the rest of v becomes a new last branch. */
#include <stdlib.h>
#include <string.h>

#include "odpor.h"

struct wnode *weft__wn;
static wref cap, used, freelist = -1;
static long live;

wref weft__wut_new(const struct ev *e)
{
	wref n;

	if (freelist >= 0) {
		n = freelist;
		freelist = weft__wn[n].next;
	} else {
		if (used == cap) {
			wref ncap = cap ? cap * 2 : 4096;
			struct wnode *p = realloc(weft__wn,
						  sizeof *p * (size_t)ncap);
			if (!p)
				weft__die("out of memory for the DPOR tree "
					  "(%ld nodes)", (long)cap);
			weft__wn = p;
			cap = ncap;
		}
		n = used++;
	}
	weft__wn[n] = (struct wnode){ .ev = *e, .child = -1, .next = -1 };
	live++;
	return n;
}

void weft__wut_free(wref n)
{
	/* Without recursion: a wakeup sequence can be as long as an
	 * execution, and a recursion as deep overflowed the stack it ran on
	 * (a test thread's).  The subtrees still to free are a stack linked
	 * through their next fields; a node's child list, already linked
	 * that way, goes on it whole.  n's own siblings are not freed. */
	wref todo;

	if (n < 0)
		return;
	weft__wn[n].next = -1;
	todo = n;
	while (todo >= 0) {
		wref x = todo, c = weft__wn[x].child;
		todo = weft__wn[x].next;
		if (c >= 0) {
			wref last = c;
			while (weft__wn[last].next >= 0)
				last = weft__wn[last].next;
			weft__wn[last].next = todo;
			todo = c;
		}
		weft__wn[x].child = -1;
		weft__wn[x].next = freelist;
		freelist = x;
		live--;
	}
}

void weft__wut_push_front(wref p, wref c)
{
	weft__wn[c].next = weft__wn[p].child;
	weft__wn[p].child = c;
}

void weft__wut_insert_after(wref s, wref c)
{
	weft__wn[c].next = weft__wn[s].next;
	weft__wn[s].next = c;
}

wref weft__wut_pop_front(wref p)
{
	wref c = weft__wn[p].child;

	if (c >= 0) {
		weft__wn[p].child = weft__wn[c].next;
		weft__wn[c].next = -1;
	}
	return c;
}

long weft__wut_live(void)
{
	return live;
}

/* Where child step c stands with respect to v: the index of v's step it
 * matches (a weak initial in v), n when c's thread is not in v and c is
 * independent of all of v, or -1 when c is not a weak initial of v. */
static int compatible(const struct ev *c, const struct ev *v, int n)
{
	for (int i = 0; i < n; i++) {
		if (v[i].key == c->key)
			return weft__ev_same(&v[i], c) ? i : -1;
		if (weft__ev_dependent(&v[i], c))
			return -1;
	}
	return n;
}

bool weft__wut_insert(wref p, struct ev *v, int n)
{
	for (;;) {
		wref c = weft__wn[p].child;
		int k = -1;

		if (c < 0 || n == 0)
			return false; /* a leaf, or v used up: covered */
		for (; c >= 0; c = weft__wn[c].next) {
			k = compatible(&weft__wn[c].ev, v, n);
			if (k >= 0)
				break;
		}
		if (c < 0)
			break;
		if (k < n) {
			memmove(&v[k], &v[k + 1], sizeof *v * (size_t)(n - k - 1));
			n--;
		}
		p = c;
	}
	/* No compatible child: v becomes the last branch of p. */
	{
		wref last = weft__wn[p].child, prev = p;
		while (last >= 0) {
			prev = last;
			last = weft__wn[last].next;
		}
		for (int i = 0; i < n; i++) {
			wref m = weft__wut_new(&v[i]);
			if (i == 0 && prev != p)
				weft__wut_insert_after(prev, m);
			else
				weft__wut_push_front(p, m);
			p = m;
			prev = m;
		}
	}
	return true;
}
