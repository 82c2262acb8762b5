/* src/detect/race.c - the race detector's entry point: every instrumented
 * access (and every free, as a write of the block) comes here, becomes a
 * scheduling point when its site is known to race, is checked against the
 * tracked heap's freed blocks, and is split into the granules whose shadow
 * cells check and record it (race_shadow.c).  The program's ordinary
 * loads and stores take a shorter way, weft__race_read8 and the like
 * (race_shadow.c), which come here only for an access that needs more
 * than the shadow check of one granule: at a racing site, to freed
 * memory, across granules. */
#include "detect/heap.h"
#include "detect/race.h"

/* Per-execution state, reset by the begin hook. */
bool weft__race_on;

/* An access the thread asked not to check (weft/race.h): not a race
 * partner, but still a use of its memory and still progress, and, as the
 * program means it to race, a scheduling point, as READ_ONCE is: the
 * value it reads decides what the program does.  Its granule is watched,
 * so that the other threads' plain accesses to it become scheduling
 * points too, as they would after a race (none is reported): a
 * data_race() read of a flag another thread sets was verified in one
 * schedule.  The step orders nothing (a relaxed access), so the races of
 * the plain accesses around it are still seen, and a read polls the
 * value for fair scheduling. */
static __attribute__((noinline)) void ignored(const void *addr, size_t n,
					      unsigned flags, uintptr_t pc)
{
	const struct weft__running *r = &weft__running;
	const char *a = addr;
	bool write = flags & WEFT__RACE_WRITE;
	bool own = a >= r->stack_lo && a < r->stack_hi;

	if (write && !own)
		*r->progress = true;
	if (!own && !(flags & (WEFT__RACE_ATOMIC | WEFT__RACE_VOLATILE |
			       WEFT__RACE_FREE))) {
		struct weft__op op = {
			.name = write ? "data_race write" : "data_race read",
			.obj = (const void *)((uintptr_t)addr & ~(uintptr_t)7),
			.objname = weft__objname(addr, "memory"),
			.access = write ? WEFT__ACC_WRITE : WEFT__ACC_READ,
			.order = WEFT__ORDER_EXPLICIT, .loc = weft__pc_loc(pc) };
		weft__race_watch_add(addr);
		weft__visible(&op);
		weft__race_poll(addr, n, write);
	}
	if (!(flags & WEFT__RACE_FREE) && weft__in_tracked_heap(addr) &&
	    weft__heap_bad(addr, n))
		weft__check_access(addr, n, write, weft__pc_loc(pc));
}

/* The program's code touched its stack below the size it asked for: its
 * own thread would have faulted there (a 64 KiB thread stack, on which a
 * 100 KB local array was verified: weft's room for its own frames let
 * it through).  Reported as the crash it would be. */
_Noreturn void weft__stack_beyond(const void *addr, uintptr_t pc)
{
	const struct weft__running *r = &weft__running;

	weft__fail(WEFT__K(CRASH), weft__pc_loc(pc),
		   "stack overflow in thread %s: an access %zu bytes below "
		   "the %zu-byte stack it was created with",
		   weft__thread_name(r->tid),
		   (size_t)(r->beyond_hi - (const char *)addr),
		   r->stack_asked);
}

void weft__race_access(const void *addr, size_t n, unsigned flags,
		       uintptr_t pc)
{
	struct weft__race_acc acc;
	const uint32_t *vc;
	int t;

	if (!weft__race_on || n == 0)
		return;
	if (__builtin_expect(weft__race_stalled(), 0))
		weft__race_stall_access(addr, flags, pc);
	/* Only a plain write comes before its store (the instrumentation's
	 * order): an atomic's or a model's is reported after it, when the
	 * word already holds the new value. */
	vc = weft__access_begin(addr, flags & WEFT__RACE_WRITE,
				((uintptr_t)addr & 7) + n <= 8 &&
					!(flags & (WEFT__RACE_ATOMIC |
						   WEFT__RACE_VOLATILE |
						   WEFT__RACE_FREE)),
				&t, pc);
	if (!vc) {
		/* A test thread without a clock ignores its accesses. */
		if (weft__running.tid >= 0)
			ignored(addr, n, flags, pc);
		return;
	}
	if (__builtin_expect(flags & WEFT__RACE_VOLATILE, 0))
		weft__race_volatile_site(pc);
	/* An atomic or volatile access already had its scheduling point, a
	 * visible step just before it; an atomic one is even done already,
	 * so a point here would let other threads run between the operation
	 * and its record (a reference count's decrement recorded after
	 * another thread's free: a false use-after-free). */
	if (!(flags & (WEFT__RACE_ATOMIC | WEFT__RACE_VOLATILE)) &&
	    __builtin_expect(weft__race_site_hot(pc), 0))
		weft__race_point(addr, n, flags & WEFT__RACE_WRITE, pc);
	else if (!(flags & (WEFT__RACE_ATOMIC | WEFT__RACE_VOLATILE |
			    WEFT__RACE_FREE)) &&
		 __builtin_expect(weft__race_watched((uintptr_t)addr), 0))
		weft__race_watch_hit(pc);
	/* Heap memory: the tracked heap reports an access to a freed block
	 * (use-after-free) and ends the execution.  The site's source
	 * location is looked up only then: it is a hash lookup at least. */
	/* (A free's write of its block was checked by the free: the block
	 * may hold bytes in no block, an aligned block's slack.) */
	if (!(flags & WEFT__RACE_FREE) && weft__in_tracked_heap(addr) &&
	    __builtin_expect(weft__heap_bad(addr, n), 0))
		weft__check_access(addr, n, flags & WEFT__RACE_WRITE,
				   weft__pc_loc(pc));
	/* The clock is read after the scheduling point, which may have run
	 * other threads and ordered this one after them. */
	acc.tid = t;
	acc.flags = flags;
	acc.size = n > UINT32_MAX ? UINT32_MAX : (unsigned)n;
	acc.vc = vc; /* the thread's own: current after the point above */
	/* A record of epoch c is ordered before a thread that knows more than
	 * c of this one: a plain access precedes the thread's next release,
	 * whose step ticks the clock.  An atomic access is recorded after its
	 * own step, which may itself be the release (a store, a reference
	 * count's decrement): it belongs to the epoch before that tick, or
	 * the thread that acquired this very release (and frees the object)
	 * would seem to race with it. */
	acc.clk = acc.vc[t] - ((flags & WEFT__RACE_ATOMIC) && acc.vc[t] ? 1 : 0);
	acc.pc = pc;
	weft__shadow_access((uintptr_t)addr, n, &acc);
}

/* ---- per-execution set-up --------------------------------------------- */

void weft__detect_race_begin(void)
{
	weft__race_stall_begin();
	weft__shadow_begin();
	weft__race_on = true;
}

void weft__detect_race_end(void)
{
	weft__race_on = false;
}


void weft__race_model_access(const void *p, size_t n, bool write,
			     const struct weft_loc *loc)
{
	if (!weft__race_on || weft__self() < 0 || !loc)
		return;
	weft__race_access(p, n, WEFT__RACE_ATOMIC |
				     (write ? WEFT__RACE_WRITE : 0),
			  weft__loc_pc(loc));
}

/* Told with a return address, not the model's source location: in the
 * shadow a plain write at a location is a free (race_check.c's report),
 * and a second init racing with this one would read as one. */
void weft__race_model_store(const void *p, size_t n, uintptr_t pc)
{
	if (!weft__race_on || weft__self() < 0 || !pc)
		return;
	weft__race_access(p, n, WEFT__RACE_WRITE, pc);
}

void weft__race_free(const void *p, size_t n, uintptr_t site)
{
	if (!weft__race_on || weft__self() < 0)
		return;
	weft__race_access(p, n ? n : 1, WEFT__RACE_WRITE | WEFT__RACE_FREE,
			  site);
}
