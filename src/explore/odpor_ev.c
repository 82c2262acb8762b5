/* src/explore/odpor_ev.c - what partial-order reduction knows of a step
 * (struct ev), and when two steps do not commute. */
#include <link.h>
#include <string.h>

#include "odpor.h"

/* A string's hash, eight bytes at a time: the signature of every step
 * taken hashes a source file's full path, and a byte at a time that
 * was a seventh of a kernel model's exhaustive search. */
static uint64_t hash_str(uint64_t h, const char *s)
{
	size_t n = s ? strlen(s) : 0, i = 0;
	uint64_t w;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
		h ^= h >> 29;
	}
	w = 0;
	memcpy(&w, s + i, n - i);
	h = (h ^ w ^ ((uint64_t)n << 56)) * 0x9e3779b97f4a7c15ULL;
	return h ^ (h >> 29);
}

static uint32_t signature(const char *name, const char *file, int line)
{
	uint64_t h = hash_str(0xcbf29ce484222325ULL, name);
	uint32_t r;

	if (file || line) {
		h = hash_str(h, file);
		h = (h ^ (uint32_t)line) * 0x9e3779b97f4a7c15ULL;
	}
	r = (uint32_t)(h ^ (h >> 32));
	return r ? r : 1;
}

/* The read-only segments of the program and of weft itself.  A string in
 * one (the literals operations are named by, the file names of
 * WEFT_HERE) keeps its content for the life of the process; libraries the
 * program may unload are left out, and so are segments made read-only
 * after relocation, which are writable in their program header. */
#define MAX_RO 16
static struct {
	uintptr_t lo, hi;
} ro[MAX_RO];
static int nro = -1;

static int ro_cb(struct dl_phdr_info *info, size_t size, void *self)
{
	bool ours = !info->dlpi_name || !info->dlpi_name[0];

	(void)size;
	for (int i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		uintptr_t lo = info->dlpi_addr + ph->p_vaddr;
		if (ph->p_type == PT_LOAD && (uintptr_t)self >= lo &&
		    (uintptr_t)self < lo + ph->p_memsz)
			ours = true;
	}
	for (int i = 0; ours && i < info->dlpi_phnum && nro < MAX_RO; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		uintptr_t lo = info->dlpi_addr + ph->p_vaddr;
		if (ph->p_type == PT_LOAD && !(ph->p_flags & PF_W)) {
			ro[nro].lo = lo;
			ro[nro].hi = lo + ph->p_memsz;
			nro++;
		}
	}
	return 0;
}

/* Whether s (NULL counts) lies in a read-only segment of ours. */
static bool lasting(const char *s)
{
	if (!s)
		return true;
	if (nro < 0) {
		nro = 0;
		dl_iterate_phdr(ro_cb, (void *)&ro_cb);
	}
	for (int i = 0; i < nro; i++)
		if ((uintptr_t)s >= ro[i].lo && (uintptr_t)s < ro[i].hi)
			return true;
	return false;
}

/* Signatures already hashed, by the addresses of the name and the file
 * and the line.  Within one execution a string's address stands for its
 * content (names and places interned in the report pool are never
 * overwritten before the next execution); across executions only a
 * read-only string's does, so other entries hold for their execution
 * only.  Most steps come from a few sites, named by literals. */
#define SIG_BITS 8
#define SIG_CACHE (1 << SIG_BITS)
static struct sig_entry {
	long gen;                 /* the execution, or -1: every one */
	const char *name, *file;
	int line;
	uint32_t sig;
} sig_cache[SIG_CACHE];

/* A signature not in the cache: hashed, and kept in entry e. */
static __attribute__((noinline)) uint32_t
sig_miss(struct sig_entry *e, long gen, const char *name, const char *file,
	 int line)
{
	*e = (struct sig_entry){
		.gen = lasting(name) && lasting(file) ? -1 : gen,
		.name = name, .file = file, .line = line,
		.sig = signature(name, file, line) };
	return e->sig;
}

/* Which operation, at which line: a replayed step whose signature differs
 * from the recorded one means the program is not deterministic. */
uint32_t weft__op_signature(const struct weft__op *op)
{
	const char *file = op->loc ? op->loc->file : NULL;
	int line = op->loc ? op->loc->line : 0;
	uintptr_t k = (uintptr_t)op->name ^ ((uintptr_t)file >> 3) ^
		      (uintptr_t)line * 0x9e3779b1u;
	/* The high bits of a product mix every bit of the key: the low
	 * bits of a shift and xor left the 64 sites of a seed's test
	 * sharing slots, and a third of its steps hashed their strings. */
	struct sig_entry *e =
		&sig_cache[(uint64_t)k * 0x9e3779b97f4a7c15ULL >> (64 - SIG_BITS)];
	long gen = weft__exec_gen();

	if ((e->gen == gen || e->gen == -1) && e->name == op->name &&
	    e->file == file && e->line == line)
		return e->sig;
	return sig_miss(e, gen, op->name, file, line);
}

void weft__ev_of_op(struct ev *e, int tid, const struct weft__op *op)
{
	const void *blk = op->obj ? weft__heap_block_start(op->obj) : NULL;

	uint8_t acc = op->access_now ? weft__access_now(op, NULL) : op->access;
	/* A release that would release nothing now is none (the strategy
	 * asks before record_step settles op->release): a wakeup that finds
	 * every sleeper woken already enables nothing, and a sleeper's
	 * return after it may come before it.  Only narrowed: a step that
	 * is no release when set up (work_done) stays none here, where its
	 * races are all kept. */
	bool rel = op->release && (!op->release_now || op->release_now(op));

	*e = (struct ev){
		.obj = op->obj, .obj2 = op->obj2,
		.blk = blk != op->obj ? blk : NULL, .objr = op->obj_read,
		.tid = (int16_t)tid, .key = (int16_t)weft__thread_key(tid),
		.access = op->por_write ? WEFT__ACC_WRITE : acc,
		.flags = (uint16_t)((rel ? EV_RELEASE : 0) |
				   (op->ready ? EV_BLOCKING : 0) |
				   (op->ends_process ? EV_ENDS : 0)),
		.val = -1, .sig = weft__op_signature(op),
	};
	if (op->access_now)
		e->flags |= EV_COND;
	if (op->interruptible)
		e->flags |= EV_INTR;
	if (rel && (op->lock.effect == WEFT__LOCK_RELEASE ||
		    op->liveness == WEFT__LIVE_EXIT))
		e->flags |= EV_SOLE;
	if (op->order & WEFT__ORDER_SC)
		e->flags |= EV_SC;
	if (op->order & WEFT__ORDER_SC_FENCE)
		e->flags |= EV_SCF;
	if (op->liveness == WEFT__LIVE_TOGGLE)
		e->flags |= EV_LIVE;
	else if (op->liveness == WEFT__LIVE_EXIT)
		e->flags |= EV_EXIT;
	/* Acquisitions: blocking steps that are no release, and try-steps
	 * that succeed (they take the lock or count just as well): that
	 * write, or take a read side (a shared trylock is a read).  A lock
	 * taken again by its holder is none: as the last acquisition, it
	 * hid the hold's first one from a blocked thread's race, whose
	 * reversal before it is infeasible (a recursive mutex taken again
	 * after a yield was verified in one schedule; found by a probe of
	 * the FreeBSD models). */
	if (!op->reenter &&
	    ((op->ready && !op->release) ||
	     (op->access_now &&
	      (acc == WEFT__ACC_WRITE ||
	       (op->lock_now && op->lock_now(op) == WEFT__LOCK_TRY)))))
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

/* A step's liveness as op.h's WEFT__LIVE_* (its EV_ flags). */
static inline uint8_t ev_live(const struct ev *e)
{
	return (e->flags & EV_LIVE)   ? WEFT__LIVE_TOGGLE
	       : (e->flags & EV_EXIT) ? WEFT__LIVE_EXIT
				      : 0;
}

static inline bool section_entry(const struct ev *e)
{
	return e->obj == weft__atomic_section_obj() &&
	       (e->flags & EV_BLOCKING);
}

/* Whether e writes the seq_cst fences' object: a fence's own step, or
 * a step that is also a fence (EV_SCF); and whether it touches it at
 * all (a seq_cst access reads it). */
static inline bool sc_fence(const struct ev *e)
{
	return (e->flags & EV_SCF) ||
	       (e->obj == weft__sc_fence_obj() && e->access == WEFT__ACC_WRITE);
}

static inline bool sc_touch(const struct ev *e)
{
	return (e->flags & EV_SC) || sc_fence(e);
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
	/* The test's liveness (op.h). */
	if (weft__live_conflict(ev_live(a), ev_live(b)))
		return true;
	/* A seq_cst access or fence against a seq_cst fence (a step that
	 * is also one may touch no object of its own: smp_mb). */
	if ((sc_fence(a) && sc_touch(b)) || (sc_fence(b) && sc_touch(a)))
		return true;
	if (a->access == WEFT__ACC_NONE || b->access == WEFT__ACC_NONE ||
	    !a->obj || !b->obj)
		return false;
	/* An object only read against another step's write of it. */
	if ((a->objr && b->access == WEFT__ACC_WRITE &&
	     (b->obj == a->objr || b->obj2 == a->objr)) ||
	    (b->objr && (a->access == WEFT__ACC_WRITE || (cond && writes(a))) &&
	     (a->obj == b->objr || a->obj2 == b->objr)))
		return true;
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
