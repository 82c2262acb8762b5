/* src/sched/alloc_fail.c - the failure of a kernel allocation that does
 * not sleep, as an explored choice.
 *
 * The kernel's GFP_ATOMIC and GFP_NOWAIT allocations (any flags without
 * __GFP_DIRECT_RECLAIM), those that ask for no retry (__GFP_NORETRY,
 * __GFP_RETRY_MAYFAIL) and FreeBSD's malloc(M_NOWAIT) return NULL when
 * memory is short; code that uses the result unchecked crashes then.
 * Both models' allocators always returned a block, and such code was
 * verified (a probe's `malloc(M_NOWAIT)` and `kmalloc(GFP_ATOMIC)`
 * dereferenced at once).  A blocking allocation (GFP_KERNEL, M_WAITOK)
 * is kept from failing: M_WAITOK never returns NULL, and the kernel's
 * small GFP_KERNEL allocations retry until they succeed.
 *
 * The choice is a step of its own, named after the allocation ("kmalloc
 * (GFP_ATOMIC) = NULL" in a trace), on no object: it reads and writes
 * nothing another thread sees, so partial-order reduction reorders it
 * with nothing.  Success is the first value, so the first schedule is the
 * one weft ran before.  A thread fails at most one allocation per
 * execution: a retry loop then ends, and a thread of n such allocations
 * costs n + 1 branches rather than 2^n.  The count is the thread's own,
 * so no other thread's steps can change what this one may choose (a
 * count shared by all threads would make every two allocations dependent
 * for the reduction).  The verdict names the bound where it held one
 * back, and --alloc-fail=none where that kept one from failing. */
#include "sched.h"

/* The verdict notes' keys. */
#define NOTE_OFF 0x414c4c4f434f4646ull
#define NOTE_CAPPED 0x414c4c4f43434150ull

static const char *site(const struct weft_loc *loc)
{
	return weft__internf("%s:%d",
			     weft__file_base(loc && loc->file ? loc->file
							      : "?"),
			     loc ? loc->line : 0);
}

bool weft__alloc_fails(const char *what, const struct weft_loc *loc)
{
	/* Per thread slot, the serial (unique among every execution's
	 * threads, weft__thread_serial) of the thread that failed one, plus
	 * one: zero is none. */
	static uint64_t failed[WEFT__MAX_THREADS];
	struct weft__op op = { .name = what, .access = WEFT__ACC_NONE,
			       .order = WEFT__ORDER_EXPLICIT, .loc = loc };
	int tid = weft__self();

	/* Outside a test thread (a set-up hook) there is no step to choose
	 * at; a thread spinning alone has no recorded step for a choice
	 * (weft__choose_here). */
	if (tid < 0 || weft__lone_step)
		return false;
	if (weft__opts.alloc_fail_off) {
		weft__verdict_unexplored(
			WEFT__UNEXPLORED(ALLOC_OFF), NOTE_OFF,
			weft__internf("%s at %s, and those after it, always "
				      "succeeded (--alloc-fail=none): code "
				      "that uses their NULL unchecked is not "
				      "found",
				      what, site(loc)));
		return false;
	}
	if (failed[tid] == weft__thread_serial(tid) + 1) {
		weft__verdict_unexplored(
			WEFT__UNEXPLORED(ALLOC_CAPPED), NOTE_CAPPED,
			weft__internf("%s at %s succeeded because its thread "
				      "had already failed an allocation in "
				      "the execution: a bug that needs a "
				      "thread's second failure is not found",
				      what, site(loc)));
		return false;
	}
	if (!weft__choose_op(&op, 2)) {
		weft__step_note("a block");
		return false;
	}
	failed[tid] = weft__thread_serial(tid) + 1;
	weft__step_note("NULL");
	return true;
}
