/* src/linux/katomic.c - atomic_t, bit operations, marked accesses and
 * barriers: single indivisible steps on the memory they touch. */
#include <stdint.h>
#include <string.h>

#include "lx.h"
#include "tsan/tsan.h"
#include <weft/katomic.h>

static long load(const void *c, size_t size)
{
	return size == sizeof(int) ? (long)*(const int *)c : *(const long *)c;
}

static void store(void *c, size_t size, long v)
{
	if (size == sizeof(int))
		*(int *)c = (int)v;
	else
		*(long *)c = v;
}

/* The orders of the kernel's atomics for the race detector, as the Linux
 * kernel memory model gives them (Documentation/atomic_t.txt): a store
 * (atomic_set) and a read-modify-write that returns nothing (atomic_inc,
 * set_bit, clear_bit) are relaxed, ordered only by the release fences
 * before them (smp_wmb, smp_mb, smp_mb__before_atomic); the _release
 * forms and clear_bit_unlock release, test_and_set_bit_lock acquires; the
 * read-modify-writes that return a value (atomic_inc_return,
 * atomic_dec_and_test, test_and_set_bit, xchg, cmpxchg) are fully
 * ordered.  A bit lock released with clear_bit and a flag published with
 * atomic_set after plain stores were verified (found by a probe of kernel
 * patterns).  Loads (atomic_read, test_bit) acquire: their address and
 * control dependencies are ordered in the kernel and not in C11, and a
 * reader without smp_rmb is not reported.  Values are always the latest
 * store's. */
static bool has(const char *what, const char *part)
{
	return strstr(what, part) != NULL;
}

/* The kernel's full barriers are seq_cst fences for the C11 atomics of
 * smp_load_acquire and smp_store_release (tsan/tsan.h), in programs
 * that load C11 atomics: the flag a barrier's or a fully ordered
 * atomic's step carries then, and 0 otherwise (the step is the one it
 * was, for the explorer too).  A fully ordered read-modify-write has
 * the fence after its store, in its step: one fence there stands for
 * the two on its sides, no other access coming between them. */
static uint8_t fence_flag(void)
{
	return weft__self() >= 0 && weft__weak_fences_matter()
		       ? WEFT__ORDER_SC_FENCE
		       : 0;
}

/* Whether an xchg or cmpxchg on plain memory named what is fully
 * ordered: not a _relaxed, _acquire or _release form (SB through
 * xchg_relaxed is a bug in the kernel memory model). */
static bool full_named(const char *what)
{
	return !weft__lx_ends(what, "_relaxed") &&
	       !weft__lx_ends(what, "_acquire") &&
	       !weft__lx_ends(what, "_release");
}

/* smp_mb__before_atomic() makes the read-modify-write after it fully
 * ordered (Documentation/atomic_t.txt), at least a _release form: its own
 * write is ordered too, not only what came before the barrier, which the
 * release fence alone gives.  An owner that polls atomic_read until a
 * work's smp_mb__before_atomic(); atomic_dec() brings the count to zero
 * and then frees the object was a false data race between the free and
 * the atomic_dec's write (a probe's).  The barrier is pending for its
 * thread until the thread's next kernel atomic (before_atomic holds the
 * serial of the thread that left it, weft__thread_serial), which uses it
 * up: a read or an atomic_set after it, which the barrier is not for,
 * does not pass it on to a read-modify-write further on; a plain
 * atomic_dec with no barrier orders nothing, and its write still races.
 * smp_mb__after_atomic() needs nothing more: it is a release fence for
 * the writes after it, the read-modify-write before it included, and
 * every load acquires already. */
static uint64_t before_atomic[WEFT__MAX_THREADS];

static void note_before_atomic(int self)
{
	before_atomic[self] = weft__thread_serial(self);
}

/* A kernel atomic's order: a relaxed read-modify-write (rmw, order not a
 * release) becomes a release after a pending smp_mb__before_atomic; one
 * that orders more leaves the barrier nothing to add.  Every kernel
 * atomic uses the barrier up. */
static uint8_t after_barrier(uint8_t order, bool rmw)
{
	int self = weft__self();

	if (self < 0 || !before_atomic[self] ||
	    before_atomic[self] != weft__thread_serial(self))
		return order;
	before_atomic[self] = 0;
	if (rmw && (order & WEFT__ORDER_EXPLICIT) &&
	    !(order & WEFT__ORDER_RELEASE))
		order = (uint8_t)((order & ~WEFT__ORDER_FENCED) |
				  WEFT__ORDER_RELEASE);
	return order;
}

/* The read-modify-writes that return nothing are named by their verb
 * alone (atomic_inc, atomic_long_add, atomic64_sub, not atomic_fetch_add);
 * every other one
 * returns a value (atomic_add_negative, atomic_inc_not_zero), and is
 * fully ordered unless its name says _relaxed, _acquire or _release. */
static uint8_t ka_order(int op, const char *what)
{
	const uint8_t rmw = WEFT__ORDER_EXPLICIT | WEFT__ORDER_RMW;

	if (op == WEFT_KA_READ)
		return WEFT__ORDER_EXPLICIT | WEFT__ORDER_ACQUIRE;
	if (op == WEFT_KA_SET)
		return weft__lx_ends(what, "_release")
			       ? WEFT__ORDER_EXPLICIT | WEFT__ORDER_RELEASE
			       : WEFT__ORDER_EXPLICIT | WEFT__ORDER_FENCED;
	if (weft__lx_ends(what, "_relaxed"))
		return rmw | WEFT__ORDER_FENCED;
	if (weft__lx_ends(what, "_acquire"))
		return rmw | WEFT__ORDER_ACQUIRE;
	if (weft__lx_ends(what, "_release"))
		return rmw | WEFT__ORDER_RELEASE;
	/* (atomic_fetch_add ends in _add too, and returns the old value:
	 * fully ordered; taken for relaxed, it was a false data race, a
	 * probe's.) */
	if (op == WEFT_KA_ADD && !has(what, "fetch_") &&
	    (weft__lx_ends(what, "_add") || weft__lx_ends(what, "_sub") ||
	     weft__lx_ends(what, "_inc") || weft__lx_ends(what, "_dec")))
		return rmw | WEFT__ORDER_FENCED;
	return 0;
}

static uint8_t kb_order(int op, const char *what)
{
	if (op == WEFT_KB_TEST)
		return WEFT__ORDER_EXPLICIT | WEFT__ORDER_ACQUIRE;
	if (has(what, "_unlock"))
		return WEFT__ORDER_EXPLICIT | WEFT__ORDER_RELEASE |
		       WEFT__ORDER_RMW;
	if (has(what, "_lock"))
		return WEFT__ORDER_EXPLICIT | WEFT__ORDER_ACQUIRE |
		       WEFT__ORDER_RMW;
	if (!has(what, "test_and_"))
		return WEFT__ORDER_EXPLICIT | WEFT__ORDER_RMW |
		       WEFT__ORDER_FENCED;
	return 0;
}

/* What the model above leaves stronger than the kernel's, said in every
 * verdict of a test that uses the atomics (a probe of the kernel memory
 * model found each of these verified with no word of it): a load always
 * reads the latest store, so store buffering (which x86 shows too) is
 * not explored; loads acquire; smp_wmb orders loads too, and
 * smp_mb__before_atomic and smp_mb__after_atomic are full fences
 * wherever they stand; atomic_or and its kin, xchg and cmpxchg (their
 * _relaxed forms too) are fully ordered. */
#define ATOMICS_NOTE 0x4b41544f4d494353ull

static void atomics_note(void)
{
	static long gen = -1;

	if (gen == weft__exec_gen())
		return;
	gen = weft__exec_gen();
	weft__verdict_note(ATOMICS_NOTE,
			   "kernel atomics read the latest store and their "
			   "loads acquire; barriers and the xchg, cmpxchg and "
			   "atomic_or forms order more than the kernel memory "
			   "model: a bug needing less is not found");
}

/* A read-modify-write that may change nothing: a cmpxchg that fails, an
 * add_unless at its limit, a test_and_set_bit of a set bit (the kernel's
 * own returns early then, without its atomic).  Taken then, it writes
 * nothing: it only reads, commutes with other reads, releases nothing,
 * and a loop retrying it is a spin, as a loop of atomic_read is (a loop
 * retrying a cmpxchg no thread left could let succeed ran to the step
 * limit where the same loop of atomic_read was a livelock, and a bit lock
 * an error path leaked too: a probe's).  It writes when the word's bits
 * in mask equal want (eq), or differ from it (!eq); with expect, when
 * its n bytes equal expect's (a cmpxchg on plain memory). */
struct rmw_if {
	const void *p;
	size_t n;
	unsigned long mask, want;
	bool eq;
	const void *expect;
};

static unsigned long word(const void *p, size_t n)
{
	return n == sizeof(int) ? *(const unsigned int *)p
				: *(const unsigned long *)p;
}

static bool rmw_writes(const struct rmw_if *c)
{
	if (c->expect)
		return !memcmp(c->p, c->expect, c->n);
	return ((word(c->p, c->n) & c->mask) == c->want) == c->eq;
}

static uint8_t rmw_access(const struct weft__op *op)
{
	return rmw_writes(op->arg) ? WEFT__ACC_WRITE : WEFT__ACC_READ;
}

/* The steps' objects are their words' identities as overlap.c keeps
 * them: an atomic_t or a WRITE_ONCE of one half of a word that a
 * READ_ONCE loads whole (the kernel's qspinlock tail) depends on it.
 * cond, if given, says when a write is one (rmw_if). */
static void ordered_point(const char *what, void *obj, size_t n, bool write,
			  uint8_t order, struct rmw_if *cond,
			  const struct weft_loc *loc)
{
	atomics_note();
	struct weft__op o = { .name = what,
			      .obj = weft__por_obj(obj, (unsigned)n),
			      .access = write ? WEFT__ACC_WRITE
					      : WEFT__ACC_READ,
			      .access_now = write && cond ? rmw_access : NULL,
			      .arg = cond, .order = order, .loc = loc };

	weft__visible(&o);
}

/* For the spin detection: an atomic_read or test_bit, and a
 * read-modify-write that wrote nothing (a failed cmpxchg, a
 * test_and_set_bit of a set bit), polled the word's value
 * (weft__poll_wide), as READ_ONCE does.  The reads were left out once:
 * seed 001's garbage collector, a delayed work that tests a stop bit at
 * each run, spun to the fair scheduling (581,943 schedules in 11.4 s
 * where 435,662 took 6.0 s); a work that runs once the clock moved
 * forgets what it polled (wq_worker.c), and the seed is unchanged.  A
 * loop of atomic_read without cpu_relax() ran to the step limit
 * (kernel/atomic_read_spin_bug), and its correct twin took 14,134
 * schedules where READ_ONCE's took 155.  Writes are no progress here:
 * taking them too cost the seed as much. */
static void polled(const void *p, size_t n, bool cond, bool wrote)
{
	if (cond && !wrote)
		weft__poll_wide(p, word(p, n), 0);
}

long weft_katomic_op(void *counter, size_t size, int op, long a, long b,
		     const char *what, const struct weft_loc *loc)
{
	long old;
	struct rmw_if cond = { .p = counter, .n = size, .mask = ~0ul,
			       .eq = op == WEFT_KA_CMPXCHG };
	bool wrote = op != WEFT_KA_READ;

	uint8_t ko = ka_order(op, what);
	uint8_t order = after_barrier(ko, op != WEFT_KA_READ &&
						  op != WEFT_KA_SET);
	/* Fully ordered: a read-modify-write that returns a value, no
	 * _relaxed, _acquire or _release form (ka_order's 0). */
	uint8_t fence = op != WEFT_KA_READ && op != WEFT_KA_SET && ko == 0
				? fence_flag()
				: 0;

	/* The value a cmpxchg expects, or an add_unless's limit. */
	cond.want = op == WEFT_KA_CMPXCHG ? (unsigned long)a : (unsigned long)b;
	if (size == sizeof(int))
		cond.want = (unsigned int)cond.want;
	ordered_point(what, counter, size, op != WEFT_KA_READ,
		      (uint8_t)(order | fence),
		      op == WEFT_KA_CMPXCHG || op == WEFT_KA_ADD_UNLESS ? &cond
									  : NULL,
		      loc);
	if (op == WEFT_KA_CMPXCHG || op == WEFT_KA_ADD_UNLESS)
		wrote = rmw_writes(&cond);
	/* checked at the step: it may have been freed while we waited */
	weft__check_access(counter, size, op != WEFT_KA_READ, loc);
	weft__race_model_access(counter, size, op != WEFT_KA_READ, loc);
	old = load(counter, size);
	switch (op) {
	case WEFT_KA_SET:
	case WEFT_KA_XCHG:
		store(counter, size, a);
		break;
	case WEFT_KA_ADD:
		/* Wrap like the kernel's atomics (two's complement), without
		 * signed overflow in C. */
		store(counter, size, (long)((unsigned long)old + (unsigned long)a));
		break;
	case WEFT_KA_CMPXCHG:
		if (old == a)
			store(counter, size, b);
		break;
	case WEFT_KA_ADD_UNLESS:
		if (old != b)
			store(counter, size,
			      (long)((unsigned long)old + (unsigned long)a));
		break;
	default:
		break;
	}
	polled(counter, size,
	       op == WEFT_KA_CMPXCHG || op == WEFT_KA_ADD_UNLESS ||
		       op == WEFT_KA_READ,
	       wrote);
	/* A cmpxchg that fails, an add_unless at its limit, orders
	 * nothing (Documentation/atomic_t.txt). */
	if (fence && wrote)
		weft__weak_sc_fence_effect();
	return old;
}

#define BITS (8 * sizeof(unsigned long))

int weft_kbit_op(unsigned long *addr, long nr, int op, const char *what,
		 const struct weft_loc *loc)
{
	unsigned long *w = addr + nr / (long)BITS;
	unsigned long mask = 1ul << (nr % (long)BITS);
	int old;
	/* A test_and_set_bit of a set bit, a test_and_clear_bit of a clear
	 * one, write nothing (rmw_if); set_bit and clear_bit store all the
	 * same. */
	bool test = has(what, "test_and_") && op != WEFT_KB_CHANGE;
	struct rmw_if cond = { .p = w, .n = sizeof *w, .mask = mask,
			       .want = op == WEFT_KB_SET ? 0 : mask,
			       .eq = true };
	bool wrote;
	uint8_t ko = kb_order(op, what);
	/* test_and_set_bit and its kin, fully ordered (kb_order's 0). */
	uint8_t fence = op != WEFT_KB_TEST && ko == 0 ? fence_flag() : 0;

	ordered_point(what, w, sizeof *w, op != WEFT_KB_TEST,
		      (uint8_t)(after_barrier(ko, op != WEFT_KB_TEST) | fence),
		      test ? &cond : NULL, loc);
	wrote = op != WEFT_KB_TEST && (!test || rmw_writes(&cond));
	weft__check_access(w, sizeof *w, op != WEFT_KB_TEST, loc);
	weft__race_model_access(w, sizeof *w, op != WEFT_KB_TEST, loc);
	old = (*w & mask) != 0;
	switch (op) {
	case WEFT_KB_SET:
		*w |= mask;
		break;
	case WEFT_KB_CLEAR:
		*w &= ~mask;
		break;
	case WEFT_KB_CHANGE:
		*w ^= mask;
		break;
	default:
		break;
	}
	polled(w, sizeof *w, test || op == WEFT_KB_TEST, wrote);
	/* Of a set bit, test_and_set_bit returns early, with no barrier
	 * (the kernel's generic one: a READ_ONCE). */
	if (fence && wrote)
		weft__weak_sc_fence_effect();
	return old;
}

/* The marked accesses' orders for the race detector, as the atomics'
 * (ka_order): WRITE_ONCE orders nothing before it, as atomic_set (which
 * the kernel defines as it), but what its thread's last smp_wmb or smp_mb
 * fenced; smp_store_release releases; READ_ONCE and smp_load_acquire
 * acquire (READ_ONCE is stronger than the kernel memory model there,
 * which orders only what depends on the value read); xchg and cmpxchg are
 * fully ordered.  A flag published with WRITE_ONCE after plain stores and
 * no barrier, read with READ_ONCE, was verified where the same program
 * with atomic_set and atomic_read was a data race (a helper's probe). */
static uint8_t once_order(int write, const char *what)
{
	if (has(what, "xchg"))
		return 0;
	if (!strcmp(what, "WRITE_ONCE"))
		return WEFT__ORDER_EXPLICIT | WEFT__ORDER_FENCED;
	if (weft__lx_ends(what, "_release"))
		return WEFT__ORDER_EXPLICIT | WEFT__ORDER_RELEASE;
	if (!write &&
	    (!strcmp(what, "READ_ONCE") || weft__lx_ends(what, "_acquire")))
		return WEFT__ORDER_EXPLICIT | WEFT__ORDER_ACQUIRE;
	return 0;
}

/* The marked access's step on p, ordered as once_order says. */
static void marked_step(const void *p, size_t n, int write, const char *what,
			const struct weft_loc *loc)
{
	struct weft__op o = { .name = what,
			      .obj = weft__por_obj(p, (unsigned)n),
			      .access = write ? WEFT__ACC_WRITE
					      : WEFT__ACC_READ,
			      .order = once_order(write, what), .loc = loc };

	weft__visible(&o);
}

/* Every verdict of a test that uses them says what is left stronger
 * than the kernel's, once per execution at most, each for the access the
 * program made: the READ_ONCE note was given to programs that only
 * called WRITE_ONCE (and smp_load_acquire), naming a reader's smp_rmb
 * when their bug needed the writer's stores reordered (a probe's MP with
 * WRITE_ONCE stores and acquire loads, LKMM Sometimes, verified). */
#define ONCE_NOTE 0x4f4e43454d4f444cull
#define WONCE_NOTE 0x574f4e43454d4f44ull

static void once_note(int write)
{
	static long gen[2] = { -1, -1 };

	if (gen[write] == weft__exec_gen())
		return;
	gen[write] = weft__exec_gen();
	if (!write)
		weft__verdict_note(ONCE_NOTE,
				   "READ_ONCE reads the latest store and "
				   "acquires, stronger than the kernel memory "
				   "model: a bug that needs a reader's loads "
				   "reordered (a missing smp_rmb) or a store and "
				   "a later load reordered (a missing smp_mb, "
				   "store buffering) is not found");
	else
		weft__verdict_note(WONCE_NOTE,
				   "WRITE_ONCE's store is seen by every later "
				   "load, stronger than the kernel memory model: "
				   "a bug that needs a writer's stores reordered "
				   "(a missing smp_wmb) or a load and a later "
				   "store reordered (load buffering) is not "
				   "found");
}

void weft_kaccess(const void *p, size_t n, int write, const char *what,
		  const struct weft_loc *loc)
{
	/* xchg, cmpxchg and their kin, on plain memory, are fully ordered
	 * in every form (atomics_note). */
	if (strstr(what, "xchg")) {
		atomics_note();
		if (full_named(what) && fence_flag())
			weft__weak_fence_next();
	}
	marked_step(p, n, write, what, loc);
	weft__check_access(p, n, write != 0, loc);
}

void weft_kcas(const void *p, size_t n, const void *expect, const char *what,
	       const struct weft_loc *loc)
{
	struct rmw_if cond = { .p = p, .n = n, .expect = expect };

	if (full_named(what) && fence_flag())
		weft__weak_fence_next();
	/* Wider than a word it is taken as a write (cmpxchg128). */
	ordered_point(what, (void *)p, n, true, 0,
		      n <= sizeof(long) ? &cond : NULL, loc);
	weft__check_access(p, n, true, loc);
}

void weft_konce(void *p, void *buf, size_t n, int write,
		const struct weft_loc *loc)
{
	const char *what = write ? "WRITE_ONCE" : "READ_ONCE";

	/* Not a fault in weft's copy, which would name memcpy. */
	if ((uintptr_t)p < 65536)
		weft__fail(WEFT__K(CRASH), loc,
			   "SEGV (Segmentation fault) in thread %s: %s through "
			   "a null pointer (address %p)",
			   weft__thread_name(weft__self()), what, p);
	once_note(write != 0);
	marked_step(p, n, write, what, loc);
	weft__check_access(p, n, write != 0, loc);
	weft__race_model_access(p, n, write != 0, loc);
	if (write) {
		memcpy(p, buf, n);
		weft__poll_forget();
	} else {
		/* A poll, for spin detection: a loop reading the same
		 * value lets the others run (fair scheduling). */
		uint64_t v = 0;

		memcpy(buf, p, n);
		memcpy(&v, p, n < sizeof v ? n : sizeof v);
		weft__poll_wide(p, v, 0);
	}
}

/* smp_wmb, smp_mb and their kin are release fences for the relaxed
 * atomics after them (ka_order); smp_rmb and the compiler's barrier order
 * nothing more here, loads acquiring already. */
/* (As a barrier it was no round of a spin: a DELAY loop under Giant,
 * waiting for a thread blocked on Giant, ran to the step limit in every
 * execution and ended inconclusive at the time limit, a probe's.) */
void weft_kdelay(const char *what, const struct weft_loc *loc)
{
	weft__spin_point(what, loc);
}

/* smp_mb and mb, and the two that make a kernel atomic fully ordered,
 * taken for full barriers wherever they stand (atomics_note):
 * smp_mb__after_spinlock and smp_mb__after_unlock_lock are smp_mb. */
static bool full_barrier(const char *what)
{
	return !strcmp(what, "smp_mb") || !strcmp(what, "mb") ||
	       !strcmp(what, "smp_mb__before_atomic") ||
	       !strcmp(what, "smp_mb__after_atomic");
}

void weft_kbarrier(const char *what, const struct weft_loc *loc)
{
	uint8_t fence = fence_flag();
	struct weft__op o;

	if (fence && !full_barrier(what))
		fence = 0;
	o = (struct weft__op){ .name = what, .access = WEFT__ACC_NONE,
			       .order = fence, .loc = loc };

	weft__visible(&o);
	if (fence)
		weft__weak_sc_fence_effect();
	if (weft__self() >= 0 && (has(what, "mb") && !has(what, "rmb")))
		weft__clock_fence_release(weft__self());
	if (weft__self() >= 0 && !strcmp(what, "smp_mb__before_atomic"))
		note_before_atomic(weft__self());
}
