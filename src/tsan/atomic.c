/* src/tsan/atomic.c - C11/GNU atomic operations under -fsanitize=thread.
 *
 * Every atomic operation is a visible operation on its address (a load is a
 * READ, anything that may store is a WRITE), so the explorer interleaves
 * threads there.  What a load may read besides the latest store, and the
 * clocks the memory orders and fences carry, are weak.c's: the steps here
 * carry no order of their own to the core's clocks.  A weak
 * compare-exchange never fails spuriously.  The effect itself is performed
 * with plain operations: test threads are fibers on one OS thread, so
 * nothing can interleave inside it (this also keeps 128-bit atomics free
 * of libatomic).
 *
 * None of these block.  A load (or failed compare-exchange) that sees a
 * value the same thread already saw at that address since its last atomic
 * write counts as spinning (weft__poll_wide), so polling loops do not hang
 * exploration. */
#include <string.h>

#include "detect/race.h"
#include "tsan/tsan.h"

#define PC() WEFT__CALLER_PC()

typedef uint8_t a8;
typedef uint16_t a16;
typedef uint32_t a32;
typedef uint64_t a64;
typedef unsigned __int128 a128;


static inline int live(void)
{
	return weft__race_on ? weft__self() : -1;
}

/* The step of an access to addr with the clock order ord.  An atomic's
 * or a volatile's orders nothing by itself (WEFT__ORDER_EXPLICIT, a
 * relaxed one for clock.c): what a load acquires depends on the store it
 * reads, which weak.c chooses after the step, and weak.c keeps what each
 * store releases.  So the models' operations, which order themselves
 * after the releases clock.c keeps (a free of the atomic's block, a futex
 * wait on it), are not ordered after an atomic's release: C11 orders only
 * an acquire that reads it. */
void weft__tsan_step(const volatile void *a, unsigned n, bool write,
		     uint8_t ord, const char *name, uintptr_t pc)
{
	/* An unnamed volatile is "volatile@1" in traces, not "atomic@1". */
	bool vol = !strncmp(name, "volatile", 8);
	struct weft__op op = {
		.name = name, .obj = weft__por_obj(a, n),
		.objname = weft__objname((const void *)a,
					 vol ? "volatile" : "atomic"),
		.access = write ? WEFT__ACC_WRITE : WEFT__ACC_READ,
		.order = ord, .loc = weft__pc_loc(pc) };

	weft__visible(&op);
}

/* A seq_cst access's order bit for the explorer (op.h). */
static inline uint8_t sc(int mo)
{
	return mo == 5 ? WEFT__ORDER_SC : 0;
}

/* The order bit of a read-modify-write that the kernel's xchg or
 * cmpxchg made fully ordered (weft__weak_fence_next): its step is also a
 * seq_cst fence, whose effect follows its store. */
static inline uint8_t full(void)
{
	return weft__weak_fence_pending(weft__self()) ? WEFT__ORDER_SC_FENCE
						       : 0;
}

/* Where an access_now below reads: op->obj is the access's identity
 * (weft__por_obj), which may be its block's base; op->arg's bits 16 to 23
 * hold the offset from there. */
static const void *at(const struct weft__op *op)
{
	return (const char *)op->obj + ((uintptr_t)op->arg >> 16 & 0xff);
}

/* Whether op's place may be read to tell its access: an atomic on a
 * null pointer (an allocation that failed, used unchecked) is to crash
 * in the program's own access, at its step, and not in the strategy's
 * question before it, which a replay does not ask: the replay of such a
 * crash took the step and diverged. */
static bool readable(const struct weft__op *op)
{
	return (uintptr_t)at(op) >= 4096;
}

/* A compare-exchange that would fail only reads: it commutes with other
 * reads.  op->arg2 holds the expected value (up to 64 bits; wider ones
 * are taken as writes), op->arg its size. */
static uint8_t cas_access(const struct weft__op *op)
{
	size_t n = (size_t)(uintptr_t)op->arg & 0xff;
	uint64_t cur = 0, want = (uint64_t)op->arg2;

	if (n > sizeof cur || !readable(op))
		return WEFT__ACC_WRITE;
	memcpy(&cur, at(op), n);
	if (n < sizeof want)
		want &= ((uint64_t)1 << (8 * n)) - 1;
	return cur == want ? WEFT__ACC_WRITE : WEFT__ACC_READ;
}

static void cas_step(const volatile void *a, size_t n, uint64_t expected,
		     uint8_t scbit, const char *name, uintptr_t pc)
{
	const void *obj = weft__por_obj(a, (unsigned)n);
	struct weft__op op = {
		.name = name, .obj = obj,
		.objname = weft__objname((const void *)a, "atomic"),
		.access = WEFT__ACC_WRITE, .access_now = cas_access,
		.order = WEFT__ORDER_EXPLICIT | WEFT__ORDER_RMW | scbit |
			 full(),
		.arg = (void *)(uintptr_t)(n | ((uintptr_t)a -
						(uintptr_t)obj) << 16),
		.arg2 = (long)expected,
		.loc = weft__pc_loc(pc) };

	weft__visible(&op);
}

/* A read-modify-write that would leave the value as it is (an exchange
 * with the value already there, a test-and-set of a set flag) only reads
 * when it orders nothing: relaxed, in a thread without a release fence
 * before it (RMW_QUIET); it then commutes with other reads and is a poll.
 * One with an acquire or release order is still a store in the
 * location's modification order, and which of two such goes first
 * decides which one synchronises with the other: as reads, a race after
 * the second was verified, the search trying only the order in which the
 * first released to it (a probe of SCTBench-style programs).  op->arg
 * holds the size, the operation (RMW_*) and RMW_QUIET, op->arg2 the
 * operand (up to 64 bits). */
#define RMW_QUIET ((uintptr_t)1 << 24)
enum { RMW_XCHG, RMW_ADD, RMW_SUB, RMW_AND, RMW_OR, RMW_XOR, RMW_NAND };

static uint64_t rmw_apply(int kind, uint64_t old, uint64_t v)
{
	switch (kind) {
	case RMW_XCHG: return v;
	case RMW_ADD: return old + v;
	case RMW_SUB: return old - v;
	case RMW_AND: return old & v;
	case RMW_OR: return old | v;
	case RMW_XOR: return old ^ v;
	default: return ~(old & v);
	}
}

static uint8_t rmw_access(const struct weft__op *op)
{
	size_t n = (size_t)(uintptr_t)op->arg & 0xff;
	int kind = (int)((uintptr_t)op->arg >> 8 & 0xff);
	uint64_t cur = 0, mask = n < 8 ? ((uint64_t)1 << (8 * n)) - 1 : ~0ull;

	if (n > sizeof cur || !((uintptr_t)op->arg & RMW_QUIET) ||
	    !readable(op))
		return WEFT__ACC_WRITE;
	memcpy(&cur, at(op), n);
	return (rmw_apply(kind, cur, (uint64_t)op->arg2) & mask) == (cur & mask)
		       ? WEFT__ACC_READ
		       : WEFT__ACC_WRITE;
}

static void rmw_step(const volatile void *a, size_t n, int kind, uint64_t v,
		     int mo, const char *name, uintptr_t pc)
{
	const void *obj = weft__por_obj(a, (unsigned)n);
	bool quiet = mo == 0 && !weft__weak_release_fenced(weft__self());
	struct weft__op op = {
		.name = name, .obj = obj,
		.objname = weft__objname((const void *)a, "atomic"),
		.access = WEFT__ACC_WRITE, .access_now = rmw_access,
		.order = WEFT__ORDER_EXPLICIT | WEFT__ORDER_RMW | sc(mo) |
			 full(),
		.arg = (void *)(uintptr_t)(n | (size_t)kind << 8 |
					   ((uintptr_t)a - (uintptr_t)obj)
						   << 16 |
					   (quiet ? RMW_QUIET : 0)),
		.arg2 = (long)v, .loc = weft__pc_loc(pc) };

	weft__visible(&op);
}

/* Spin detection (weft__poll_wide): thread t read v at a, or wrote. */
static void polled(int t, const volatile void *a, a128 v)
{
	(void)t;
	weft__poll_wide((const void *)a, (uint64_t)v, (uint64_t)(v >> 64));
}

static void wrote(int t)
{
	(void)t;
	weft__poll_forget();
}

#define LOAD(n)                                                               \
	a##n __tsan_atomic##n##_load(const volatile a##n *a, int mo)          \
	{                                                                     \
		uintptr_t pc = PC();                                          \
		int t = (mo = WEFT__MO(mo), live());                          \
		a##n v;                                                       \
		if (t >= 0)                                                   \
			weft__tsan_step(a, sizeof v, false,                   \
			     WEFT__ORDER_EXPLICIT | sc(mo),                   \
			     "atomic_load", pc);                              \
		v = *a;                                                       \
		if (t >= 0) {                                                 \
			weft__weak_load(a, &v, sizeof v, mo, pc);             \
			weft__race_access((const void *)a, sizeof v,          \
					  WEFT__RACE_ATOMIC, pc);             \
			polled(t, a, v);                                      \
			HOLDS(v);                                             \
		}                                                             \
		return v;                                                     \
	}

/* A pointer-sized value an atomic operation stored, read or compared,
 * which may be a heap block's address (weft__atomic_holds): its block's
 * reuse after a free is not explored, and the verdict says when it could
 * have mattered.  Other widths hold no address. */
#define HOLDS(x)                                                              \
	do {                                                                  \
		if (sizeof(x) == sizeof(uintptr_t))                           \
			weft__atomic_holds((uintptr_t)(x));                   \
	} while (0)

#define STORE(n)                                                              \
	void __tsan_atomic##n##_store(volatile a##n *a, a##n v, int mo)       \
	{                                                                     \
		uintptr_t pc = PC();                                          \
		int t = (mo = WEFT__MO(mo), live());                          \
		if (t >= 0) {                                                 \
			weft__tsan_step(a, sizeof v, true,                    \
			     WEFT__ORDER_EXPLICIT | sc(mo),                   \
			     "atomic_store", pc);                             \
			weft__weak_store(a, &v, sizeof v, mo, pc);            \
		}                                                             \
		*a = v;                                                       \
		if (t >= 0) {                                                 \
			weft__race_access((const void *)a, sizeof v,          \
					  WEFT__RACE_ATOMIC | WEFT__RACE_WRITE, \
					  pc);                                \
			wrote(t);                                             \
			HOLDS(v);                                             \
		}                                                             \
	}

#define RMW(n, op, kind, expr)                                                \
	a##n __tsan_atomic##n##_##op(volatile a##n *a, a##n v, int mo)        \
	{                                                                     \
		uintptr_t pc = PC();                                          \
		int t = (mo = WEFT__MO(mo), live());                          \
		a##n old, neu;                                                \
		if (t >= 0)                                                   \
			rmw_step(a, sizeof v, kind, (uint64_t)v, mo,          \
				 "atomic_" #op, pc);                          \
		old = *a;                                                     \
		neu = (a##n)(expr);                                           \
		if (t >= 0) {                                                 \
			weft__weak_rmw(a, &neu, sizeof neu, mo, pc);          \
			weft__weak_fence_done(t, true);                       \
		}                                                             \
		*a = neu;                                                     \
		if (t >= 0) {                                                 \
			weft__race_access((const void *)a, sizeof v,          \
					  WEFT__RACE_ATOMIC |                 \
						  (neu != old ? WEFT__RACE_WRITE \
							      : 0),           \
					  pc);                                \
			if (neu != old)                                       \
				wrote(t);                                     \
			else                                                  \
				polled(t, a, old);                            \
			HOLDS(old);                                           \
			HOLDS(neu);                                           \
		}                                                             \
		return old;                                                   \
	}

/* A weak compare-exchange may fail although the value equals the
 * expected one (C11 7.17.7.4, a load-linked/store-conditional machine's
 * lost reservation): code that calls it once, outside a retry loop, is
 * wrong on such machines, and a verification that never failed one
 * spuriously vouched for it (a reference count whose last release was
 * lost, a claim taken by nobody).  Where one would succeed, failing
 * spuriously is explored as a choice of its step, at most once per
 * thread in an execution: a retry loop's schedules only double, and two
 * threads that each call one once may both fail.  The verdict says so
 * when a second failure of a thread was cut.  --no-spurious turns them
 * off (x86's exchange never fails spuriously).  Not in a lone spin's round,
 * which makes no choice (a succeeding exchange writes, so it is no such
 * round). */
#define SPURIOUS_NOTE 0x5355505552494f55ull

static bool cas_spurious(void)
{
	/* Per slot, the serial (which tells apart the threads of every
	 * execution, weft__thread_serial) of the thread that failed, plus
	 * one: zero is none. */
	static uint64_t failed[WEFT__MAX_THREADS];
	int tid = weft__self();

	if (!weft__opts.spurious || weft__lone_step || tid < 0)
		return false;
	if (failed[tid] == weft__thread_serial(tid) + 1) {
		weft__verdict_spurious_capped(
			SPURIOUS_NOTE,
			"a compare_exchange_weak fails spuriously at most "
			"once per thread in an execution: a bug that needs a "
			"thread's second such failure is not found");
		return false;
	}
	if (!weft__choose_here(2))
		return false;
	failed[tid] = weft__thread_serial(tid) + 1;
	weft__step_note("fails spuriously");
	return true;
}

/* The common part of the three compare-exchange forms: returns the old
 * value and stores v when it equals c (and a weak one, weak, did not
 * fail spuriously: *ok says whether it stored). */
#define CAS_CORE(n)                                                           \
	static a##n cas##n(volatile a##n *a, a##n c, a##n v, int mo, int fmo, \
			   uintptr_t pc, const char *name, bool weak,         \
			   bool *ok)                                          \
	{                                                                     \
		int t = (mo = WEFT__MO(mo), fmo = WEFT__MO(fmo), live());     \
		a##n old;                                                     \
		if (t >= 0)                                                   \
			cas_step(a, sizeof c, (uint64_t)c, sc(mo) | sc(fmo),  \
				 name, pc);                                   \
		old = *a;                                                     \
		*ok = old == c && !(t >= 0 && weak && cas_spurious());        \
		if (t >= 0 && *ok) {                                          \
			weft__weak_cas_succeeded(a, sizeof v, fmo, pc);       \
			weft__weak_rmw(a, &v, sizeof v, mo, pc);              \
		} else if (t >= 0)                                            \
			weft__weak_cas_failed(a, sizeof v, fmo, pc);          \
		if (t >= 0)                                                   \
			weft__weak_fence_done(t, *ok);                        \
		if (*ok)                                                      \
			*a = v;                                               \
		if (t >= 0) {                                                 \
			weft__race_access((const void *)a, sizeof v,          \
					  WEFT__RACE_ATOMIC |                 \
						  (*ok ? WEFT__RACE_WRITE : 0), \
					  pc);                                \
			if (*ok)                                              \
				wrote(t);                                     \
			else                                                  \
				polled(t, a, old);                            \
			HOLDS(old);                                           \
			HOLDS(c);                                             \
			HOLDS(v);                                             \
		}                                                             \
		return old;                                                   \
	}                                                                     \
	int __tsan_atomic##n##_compare_exchange_strong(                       \
		volatile a##n *a, a##n *c, a##n v, int mo, int fmo)           \
	{                                                                     \
		bool ok;                                                      \
		a##n old = cas##n(a, *c, v, mo, fmo, PC(), "atomic_cas",      \
				  false, &ok);                                \
		if (ok)                                                       \
			return 1;                                             \
		*c = old;                                                     \
		return 0;                                                     \
	}                                                                     \
	int __tsan_atomic##n##_compare_exchange_weak(                         \
		volatile a##n *a, a##n *c, a##n v, int mo, int fmo)           \
	{                                                                     \
		bool ok;                                                      \
		a##n old = cas##n(a, *c, v, mo, fmo, PC(), "atomic_cas_weak", \
				  true, &ok);                                 \
		if (ok)                                                       \
			return 1;                                             \
		*c = old;                                                     \
		return 0;                                                     \
	}                                                                     \
	a##n __tsan_atomic##n##_compare_exchange_val(                         \
		volatile a##n *a, a##n c, a##n v, int mo, int fmo)            \
	{                                                                     \
		bool ok;                                                      \
		return cas##n(a, c, v, mo, fmo, PC(), "atomic_cas", false,    \
			      &ok);                                           \
	}

#define WIDTH(n)                                                              \
	LOAD(n)                                                               \
	STORE(n)                                                              \
	RMW(n, exchange, RMW_XCHG, v)                                         \
	RMW(n, fetch_add, RMW_ADD, old + v)                                   \
	RMW(n, fetch_sub, RMW_SUB, old - v)                                   \
	RMW(n, fetch_and, RMW_AND, old &v)                                    \
	RMW(n, fetch_or, RMW_OR, old | v)                                     \
	RMW(n, fetch_xor, RMW_XOR, old ^ v)                                   \
	RMW(n, fetch_nand, RMW_NAND, ~(old & v))                              \
	CAS_CORE(n)

WIDTH(8)
WIDTH(16)
WIDTH(32)
WIDTH(64)
WIDTH(128)

/* A fence's clocks, and a seq_cst fence's order among the others, are
 * weak.c's. */
void __tsan_atomic_thread_fence(int mo)
{
	if (live() >= 0)
		weft__weak_fence(WEFT__MO(mo), PC());
}

void __tsan_atomic_signal_fence(int mo)
{
	(void)mo;
}
