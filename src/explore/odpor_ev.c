/* src/explore/odpor_ev.c - what partial-order reduction knows of a step
 * (struct ev), and when two steps do not commute. */
#include "odpor.h"

static uint32_t fnv(uint32_t h, const char *s)
{
	for (; s && *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

void weft__ev_of_op(struct ev *e, int tid, const struct weft__op *op)
{
	uint32_t h = fnv(2166136261u, op->name);
	const void *blk = op->obj ? weft__heap_block_start(op->obj) : NULL;

	if (op->loc) {
		h = fnv(h, op->loc->file);
		h = (h ^ (uint32_t)op->loc->line) * 16777619u;
	}
	*e = (struct ev){
		.obj = op->obj, .obj2 = op->obj2,
		.blk = blk != op->obj ? blk : NULL, .tid = (int16_t)tid,
		.access = op->access_now ? op->access_now(op) : op->access,
		.flags = (uint8_t)((op->release ? EV_RELEASE : 0) |
				   (op->ready ? EV_BLOCKING : 0) |
				   (op->ends_process ? EV_ENDS : 0)),
		.val = -1, .sig = h ? h : 1,
	};
	if (op->access_now)
		e->flags |= EV_COND;
	/* Acquisitions: blocking steps that are no release, and try-steps
	 * that succeed (they take the lock or count just as well). */
	if ((op->ready && !op->release) ||
	    (op->access_now && e->access == WEFT__ACC_WRITE))
		e->flags |= EV_ACQUIRE;
}

/* Whether two steps of different threads may not commute: the end of the
 * process conflicts with everything; otherwise a shared object (or heap
 * block, where the step on the block itself is its free) with a write.
 * Steps count with what they did.  A sleeping thread, though, stands for
 * its next step wherever it would run, and a conditional step (a
 * compare-exchange, trylock or trywait that failed here) may succeed, and
 * write, after another conditional step of its object: against such a
 * step the sleeper counts as a write and wakes.  Kept asleep there, the
 * subtree where it fails and the one where it succeeds could each count
 * on the other to explore the order where it succeeds (the CAS chain of
 * tests/detect/sound/cas_chain_bug.c).  Plain reads cannot change its
 * outcome, so failing compare-exchanges still commute with loads. */
static bool writes(const struct ev *e)
{
	return e->access == WEFT__ACC_WRITE || (e->flags & EV_COND);
}

static bool dependent(const struct ev *a, const struct ev *b, bool cond);

static inline bool section_entry(const struct ev *e)
{
	return e->obj == weft__atomic_section_obj() &&
	       (e->flags & EV_BLOCKING);
}

bool weft__ev_dependent(const struct ev *a, const struct ev *b)
{
	return dependent(a, b, false);
}

/* For a sleeping thread's next step (the first argument). */
bool weft__ev_sleeper_dependent(const struct ev *sleeper, const struct ev *b)
{
	return dependent(sleeper, b, true);
}

static bool dependent(const struct ev *a, const struct ev *b, bool cond)
{
	/* A sleeping conditional step counts as a write only against
	 * another conditional step. */
	if (cond && (a->flags & EV_COND) && !(b->flags & EV_COND))
		cond = false;
	if ((a->flags | b->flags) & EV_ENDS)
		return true;
	/* Entering an atomic section disables every other thread until it
	 * is left, so no step of another thread commutes with it: moving one
	 * past the entry would put it inside the section, an order that
	 * cannot run (a wakeup sequence was once placed there and dropped,
	 * and a reachable bug went unexplored). */
	if (section_entry(a) || section_entry(b))
		return true;
	if (a->access == WEFT__ACC_NONE || b->access == WEFT__ACC_NONE ||
	    !a->obj || !b->obj)
		return false;
	if (a->access == WEFT__ACC_WRITE || b->access == WEFT__ACC_WRITE ||
	    (cond && writes(a))) {
		if (a->obj == b->obj || a->obj == b->obj2 ||
		    (a->obj2 && (a->obj2 == b->obj || a->obj2 == b->obj2)))
			return true;
	}
	/* A use of a block (inside it) against the block's free. */
	if (a->blk && a->blk == b->obj && b->access == WEFT__ACC_WRITE)
		return true;
	if (b->blk && b->blk == a->obj &&
	    (a->access == WEFT__ACC_WRITE || (cond && writes(a))))
		return true;
	return false;
}
