/* src/tsan/atomic_generic.c - libatomic's generic calls, which the
 * compiler emits for atomic objects wider than 16 bytes (an _Atomic struct
 * of three longs): __atomic_load, __atomic_store, __atomic_exchange and
 * __atomic_compare_exchange.  ThreadSanitizer's instrumentation leaves
 * them alone, so a lost update through such an object was verified: weft
 * saw neither a scheduling point nor an access.  weft-cc renames them
 * (src/modelled.def) and each becomes a visible step on the object, as in
 * atomic.c, performed with memcpy (test threads are fibers: no other
 * thread runs inside it).
 *
 * The compiler emits the same calls for an object of an odd size under 16
 * bytes (a struct of three ints), which is not lock-free either.
 *
 * libatomic implements them with a lock per address, so each is
 * sequentially consistent and orders the threads like that lock: a load
 * acquires, a store releases, an exchange or compare-exchange does both,
 * whatever order the call asked for (weaker orders are allowed to be
 * stronger).  A load reads the latest value: weak.c's older stores are for
 * the lock-free widths.  That is how the program runs with libatomic,
 * but C11 lets a relaxed one read an older store and order nothing: a
 * message passed through a relaxed 24-byte flag was verified with no
 * word, so a weaker order than seq_cst puts a note on the verdict
 * (wide_order).  None of these blocks. */
#include <string.h>

#include "detect/race.h"
#include "modelled.h"
#include "tsan/weak.h"

#define PC() ((uintptr_t)__builtin_return_address(0))

/* weft__verdict_note's key of the note below. */
#define WIDE_NOTE 0x5749444530524400ull

/* A call asked for order mo, weaker than seq_cst (5), which weft runs as
 * sequentially consistent (see above): the verdict says so. */
static void wide_order(size_t n, int mo, uintptr_t pc)
{
	if (mo == __ATOMIC_SEQ_CST || weft__verdict_noted(WIDE_NOTE))
		return;
	/* The size, since libatomic's calls are also what the compiler
	 * emits for an odd size under 16 bytes (a struct of three ints):
	 * "wider than 16 bytes" misnamed a 12-byte one (a probe). */
	weft__verdict_unexplored(
		WEFT__UNEXPLORED(WIDE), WIDE_NOTE,
		weft__internf("an atomic object of %zu bytes, which is not "
			      "lock-free, was "
			      "accessed with an order weaker than seq_cst "
			      "(%s); weft ran it as libatomic does, under a "
			      "lock (sequentially consistent, reading the "
			      "latest store), where C11 lets it read an older "
			      "store and order less: those outcomes were not "
			      "explored",
			      n, weft__wk_site(pc)));
}

static void step(const void *a, bool write, uint8_t ord, const char *name,
		 uintptr_t pc)
{
	struct weft__op op = {
		.name = name, .obj = a,
		.objname = weft__objname(a, "atomic"),
		.access = write ? WEFT__ACC_WRITE : WEFT__ACC_READ,
		.order = (uint8_t)(WEFT__ORDER_EXPLICIT | WEFT__ORDER_SC | ord),
		.loc = weft__pc_loc(pc) };

	weft__visible(&op);
}

/* A load or failed compare-exchange saw the n bytes at a: for the spin
 * detection, the value as two words (a hash of it past 16 bytes). */
static void polled(const void *a, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ull;
	const unsigned char *p = a;

	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 0x100000001b3ull;
	weft__poll_wide(a, h, n);
}

static void record(const void *a, size_t n, bool write, uintptr_t pc)
{
	weft__race_access(a, n, WEFT__RACE_ATOMIC | (write ? WEFT__RACE_WRITE
							   : 0),
			  pc);
	if (write)
		weft__poll_forget();
	else
		polled(a, n);
}

void __weft___atomic_load(size_t n, void *mem, void *ret, int mo)
{
	uintptr_t pc = PC();

	if (weft__race_on)
		wide_order(n, mo, pc);
	if (!weft__race_on) {
		memcpy(ret, mem, n);
		return;
	}
	step(mem, false, WEFT__ORDER_ACQUIRE, "atomic_load", pc);
	memcpy(ret, mem, n);
	record(mem, n, false, pc);
}

void __weft___atomic_store(size_t n, void *mem, void *val, int mo)
{
	uintptr_t pc = PC();

	if (weft__race_on)
		wide_order(n, mo, pc);
	if (!weft__race_on) {
		memcpy(mem, val, n);
		return;
	}
	step(mem, true, WEFT__ORDER_RELEASE, "atomic_store", pc);
	memcpy(mem, val, n);
	record(mem, n, true, pc);
}

void __weft___atomic_exchange(size_t n, void *mem, void *val, void *ret,
			      int mo)
{
	uintptr_t pc = PC();
	bool on = weft__race_on;

	if (on)
		wide_order(n, mo, pc);
	if (on)
		step(mem, true,
		     WEFT__ORDER_ACQUIRE | WEFT__ORDER_RELEASE | WEFT__ORDER_RMW,
		     "atomic_exchange", pc);
	/* val and ret may be the same buffer. */
	unsigned char old[n];
	memcpy(old, mem, n);
	memcpy(mem, val, n);
	memcpy(ret, old, n);
	if (on)
		record(mem, n, true, pc);
}

bool __weft___atomic_compare_exchange(size_t n, void *mem, void *expected,
				      void *desired, int mo, int fmo)
{
	uintptr_t pc = PC();
	bool on = weft__race_on, same;

	if (on)
		wide_order(n, mo < fmo ? mo : fmo, pc);
	/* A write for the explorer whether or not it succeeds: which it does
	 * depends on the state the step runs in. */
	if (on)
		step(mem, true,
		     WEFT__ORDER_ACQUIRE | WEFT__ORDER_RELEASE | WEFT__ORDER_RMW,
		     "atomic_cas", pc);
	same = memcmp(mem, expected, n) == 0;
	if (same)
		memcpy(mem, desired, n);
	else
		memcpy(expected, mem, n);
	if (on)
		record(mem, n, same, pc);
	return same;
}
