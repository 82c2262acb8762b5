// The kernel's fully ordered read-modify-writes (xchg, cmpxchg,
// try_cmpxchg, atomic_inc_return, atomic_xchg, test_and_set_bit:
// Documentation/atomic_t.txt) have a full barrier on each side.  weft
// made xchg and cmpxchg on plain memory seq_cst C11 operations, which
// let a later smp_load_acquire read an older store, and the kernel
// atomics nothing at all for the C11 atomics: store buffering through
// them (LKMM Never) was reported (a probe's).  This file uses the forms
// that order nothing (the _relaxed ones, atomic_inc, set_bit) or a
// cmpxchg that fails (which orders nothing either): LKMM Sometimes, a
// real bug each; lkmm_full_rmw_ok.c the fully ordered ones.
//! expect(sb_xchg): bug assertion
//! expect(sb_cmpxchg): bug assertion
//! expect(sb_try_cmpxchg): bug assertion
//! expect(sb_cmpxchg_failed): bug assertion
//! expect(sb_inc_return): bug assertion
//! expect(sb_atomic_xchg): bug assertion
//! expect(sb_test_and_set): bug assertion
//! expect(dekker_xchg): bug assertion
#include <linux/atomic.h>
#include <linux/bitops.h>

#ifdef OK
#define XCHG(p, v) xchg(p, v)
#define CMPXCHG(p, o, n) cmpxchg(p, o, n)
#define TRY_CMPXCHG(p, o, n) try_cmpxchg(p, o, n)
#define EXPECTED 0
#define INC(v) ((void)atomic_inc_return(v))
#define AXCHG(v, n) ((void)atomic_xchg(v, n))
#define SET_BIT(n, w) ((void)test_and_set_bit(n, w))
#define RAISE(p) ((void)xchg(p, 1))
#else
#define XCHG(p, v) xchg_relaxed(p, v)
#define CMPXCHG(p, o, n) cmpxchg_relaxed(p, o, n)
#define TRY_CMPXCHG(p, o, n) try_cmpxchg_relaxed(p, o, n)
#define EXPECTED 5
#define INC(v) atomic_inc(v)
#define AXCHG(v, n) ((void)atomic_xchg_relaxed(v, n))
#define SET_BIT(n, w) set_bit(n, w)
#define RAISE(p) smp_store_release(p, 1)
#endif

static void run2(void (*a)(void *), void (*b)(void *))
{
	weft_thread_t t0 = weft_spawn(a, NULL), t1 = weft_spawn(b, NULL);

	weft_join(t0);
	weft_join(t1);
}

/* SB through the read-modify-writes' stores on both sides. */
static int x1, y1, a1, b1;
static void xc0(void *a) { (void)a; (void)XCHG(&x1, 1); a1 = smp_load_acquire(&y1); }
static void xc1(void *a) { (void)a; (void)XCHG(&y1, 1); b1 = smp_load_acquire(&x1); }
WEFT_TEST(sb_xchg)
{
	run2(xc0, xc1);
	weft_assert(!(a1 == 0 && b1 == 0));
}

static int x2, y2, a2, b2;
static void cx0(void *a) { (void)a; (void)CMPXCHG(&x2, 0, 1); a2 = smp_load_acquire(&y2); }
static void cx1(void *a) { (void)a; (void)CMPXCHG(&y2, 0, 1); b2 = smp_load_acquire(&x2); }
WEFT_TEST(sb_cmpxchg)
{
	run2(cx0, cx1);
	weft_assert(!(a2 == 0 && b2 == 0));
}

static int x3, y3, a3, b3;
static void tc0(void *a) { int o = 0; (void)a; (void)TRY_CMPXCHG(&x3, &o, 1); a3 = smp_load_acquire(&y3); }
static void tc1(void *a) { int o = 0; (void)a; (void)TRY_CMPXCHG(&y3, &o, 1); b3 = smp_load_acquire(&x3); }
WEFT_TEST(sb_try_cmpxchg)
{
	run2(tc0, tc1);
	weft_assert(!(a3 == 0 && b3 == 0));
}

/* A cmpxchg of another word between each side's store and load: a
 * full barrier when it stores, none when it fails. */
static int x4, y4, a4, b4, w4;
static void cf0(void *a) { (void)a; smp_store_release(&x4, 1); (void)cmpxchg(&w4, EXPECTED, 1); a4 = smp_load_acquire(&y4); }
static void cf1(void *a) { (void)a; smp_store_release(&y4, 1); smp_mb(); b4 = smp_load_acquire(&x4); }
WEFT_TEST(sb_cmpxchg_failed)
{
	run2(cf0, cf1);
	weft_assert(!(a4 == 0 && b4 == 0));
}

/* Kernel atomics read the latest store; the barrier orders p0's load. */
static atomic_t c5 = ATOMIC_INIT(0);
static int y5, a5, b5;
static void ir0(void *a) { (void)a; INC(&c5); a5 = smp_load_acquire(&y5); }
static void ir1(void *a) { (void)a; smp_store_release(&y5, 1); smp_mb(); b5 = atomic_read(&c5); }
WEFT_TEST(sb_inc_return)
{
	run2(ir0, ir1);
	weft_assert(!(a5 == 0 && b5 == 0));
}

static atomic_t c6 = ATOMIC_INIT(0);
static int y6, a6, b6;
static void ax0(void *a) { (void)a; AXCHG(&c6, 1); a6 = smp_load_acquire(&y6); }
static void ax1(void *a) { (void)a; smp_store_release(&y6, 1); smp_mb(); b6 = atomic_read(&c6); }
WEFT_TEST(sb_atomic_xchg)
{
	run2(ax0, ax1);
	weft_assert(!(a6 == 0 && b6 == 0));
}

static unsigned long bits7;
static int y7, a7, b7;
static void ts0(void *a) { (void)a; SET_BIT(0, &bits7); a7 = smp_load_acquire(&y7); }
static void ts1(void *a) { (void)a; smp_store_release(&y7, 1); smp_mb(); b7 = test_bit(0, &bits7); }
WEFT_TEST(sb_test_and_set)
{
	run2(ts0, ts1);
	weft_assert(!(a7 == 0 && b7 == 0));
}

/* Dekker's exclusion: each raises its flag, then enters if the other's
 * is clear; both inside is the bug. */
static int busy[2], inside, both;
static void cpu(int me)
{
	RAISE(&busy[me]);
	if (!smp_load_acquire(&busy[!me])) {
		if (atomic_inc_return((atomic_t *)&inside) == 2)
			both = 1;
		atomic_dec((atomic_t *)&inside);
	}
}
static void cpu0(void *a) { (void)a; cpu(0); }
static void cpu1(void *a) { (void)a; cpu(1); }
WEFT_TEST(dekker_xchg)
{
	run2(cpu0, cpu1);
	weft_assert(!both);
}
