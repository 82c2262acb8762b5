/* src/detect/race_asm.c - a test thread spinning on an atomic instruction
 * in inline assembly.
 *
 * weft-cc marks the functions that have such instructions (a lock prefix,
 * an xchg with memory: report/symbols.c).  weft does not see them, so a
 * thread spinning on one (an xchg spinlock's loop) while weft has stopped
 * the lock's holder reaches no scheduling point, and the search waited
 * for the time limit.  The spin watchdog's probe (race_stuck.c) asks
 * here, in its signal handler, whether the thread has spent the stall in
 * one small loop of a marked function with an atomic instruction in it;
 * if so, the handler sends the thread to weft__asm_stop, which ends the
 * search (inconclusive) or, with no other thread able to run, parks it
 * for the deadlock's report.  x86_64 only, as the probe is. */
#include <stdio.h>
#include <string.h>

#include "detect/race.h"
#include "explore/explore.h"
#include "record.h"
#include "report/report.h"

#if defined(__x86_64__)

/* A stall's probes in a function with an atomic instruction in inline
 * assembly (weft__asm_code): the span of the program counters seen, and
 * how many.  Written by the handler; the watchdog's thread only sets the
 * stall's length (probe_quiet, probe_stall) before its signal. */
#define ASM_SPAN 256            /* bytes: a spin loop, not a function */
#define ASM_SAMPLES 8
static int probe_quiet, probe_stall; /* __atomic: two threads */
static struct {
	bool off;               /* a probe of this stall saw other code */
	int n, last_quiet;
	uintptr_t lo, hi, end;  /* end: the marked function's */
} asm_spin;

/* A spin on an atomic instruction in inline assembly (weft__asm_stop); arg
 * says so to the deadlock's report (deadlock.c). */
static int asm_desc(const struct weft__op *op, char *buf, size_t n)
{
	(void)op;
	snprintf(buf, n, "nothing: it spins for ever on an atomic "
		 "instruction in inline assembly");
	return -1;
}

static _Noreturn void asm_park(void)
{
	weft__stuck_park_as(asm_desc, (void *)1);
}

/* A thread that spins on an atomic instruction in inline assembly (an
 * xchg spinlock's loop) waits for a thread weft has stopped, and no
 * scheduling point in the loop lets that one run: every later execution
 * may do the same.  The search ends here, inconclusive, with the
 * function named; it went on to the time limit (65 s). */
_Noreturn void weft__asm_stop(void)
{
	uintptr_t stuck_at = weft__stuck_pc();
	const char *fn = weft__symbolize((const void *)stuck_at);
	const char *off = fn ? strrchr(fn, '+') : NULL;
	int len = fn ? (int)(off ? (size_t)(off - fn) : strlen(fn)) : 0;

	/* With no other thread able to run, the spin is what the program
	 * does natively too: its lock's holder waits for something only the
	 * spinner could give (a lock taken in the other order).  The thread
	 * is parked for good, and the report is the deadlock's. */
	if (!weft__other_can_run(weft__running.tid))
		asm_park();
	weft__explore_stop();
	weft__limit("asm-atomics", weft__pc_loc(stuck_at + 1),
		    "%s has run %.*s for %d ms without a scheduling point: it "
		    "spins on an atomic instruction in inline assembly, which "
		    "weft does not see, so it cannot run the thread the spin "
		    "waits for (use the __atomic builtins or <stdatomic.h>)",
		    weft__thread_name(weft__running.tid), fn ? len : 10,
		    fn ? fn : "a function",
		    __atomic_load_n(&probe_quiet, __ATOMIC_RELAXED));
}

/* Whether the code around the loop's program counters, lo to hi (from
 * the instructions just before, which the samples may miss: a locked
 * instruction is over before the signal comes, to the one at hi), has an
 * atomic instruction on memory: a lock prefix, or an xchg with a memory
 * operand (locked without one).  A scan of bytes, not a decoding: a
 * constant that looks like one lets a long computation in the loop be
 * taken for a spin (inconclusive either way), and a loop without one is
 * not stopped (a computation, or the time limit).  Only the function's
 * own code, start to end, is read. */
static bool atomic_in(uintptr_t lo, uintptr_t hi, uintptr_t start,
		      uintptr_t end)
{
	const uint8_t *p =
		(const uint8_t *)(lo - start > 32 ? lo - 32 : start);
	uintptr_t stop = hi + 15 < end ? hi + 15 : end;

	for (; (uintptr_t)p + 1 < stop; p++)
		if (p[0] == 0xf0 ||
		    ((p[0] == 0x86 || p[0] == 0x87) && (p[1] >> 6) != 3))
			return true;
	return false;
}

/* Whether this stall's probes all found the thread in one small loop of
 * a marked function for stall_ms: if so, the handler sends it to
 * weft__asm_stop, as the park does. */
bool weft__asm_spinning(uintptr_t pc)
{
	int quiet = __atomic_load_n(&probe_quiet, __ATOMIC_RELAXED);
	int stall = __atomic_load_n(&probe_stall, __ATOMIC_RELAXED);
	uintptr_t end, start;

	if (quiet <= asm_spin.last_quiet) {
		/* A new stall. */
		asm_spin.off = false;
		asm_spin.n = 0;
	}
	asm_spin.last_quiet = quiet;
	if (asm_spin.off)
		return false;
	end = weft__asm_code(pc, &start);
	if (!end || (asm_spin.n && end != asm_spin.end)) {
		asm_spin.off = true;
		return false;
	}
	if (!asm_spin.n++)
		asm_spin.lo = asm_spin.hi = pc;
	asm_spin.end = end;
	asm_spin.lo = pc < asm_spin.lo ? pc : asm_spin.lo;
	asm_spin.hi = pc > asm_spin.hi ? pc : asm_spin.hi;
	return quiet >= stall && asm_spin.n >= ASM_SAMPLES &&
	       asm_spin.hi - asm_spin.lo < ASM_SPAN &&
	       atomic_in(asm_spin.lo, asm_spin.hi, start, end);
}

void weft__asm_spin_stall(int quiet_ms, int stall_ms)
{
	__atomic_store_n(&probe_quiet, quiet_ms, __ATOMIC_RELAXED);
	__atomic_store_n(&probe_stall, stall_ms, __ATOMIC_RELAXED);
}

#else

/* No probe elsewhere (race_stuck.c): nothing to ask. */
typedef int weft__race_asm_unused;

#endif
