// The kernel's fully ordered read-modify-writes (xchg, cmpxchg,
// atomic_inc_return, test_and_set_bit: Documentation/atomic_t.txt) have
// a full barrier on each side.  A seq_cst C11 read-modify-write alone
// lets a later smp_load_acquire read an older store, and weft reported
// store buffering through them (a probe's).  This file uses the forms
// that order nothing (xchg_relaxed, cmpxchg_relaxed, atomic_inc,
// set_bit) and smp_store_release: LKMM Sometimes, a real bug each;
// lkmm_full_rmw_ok.c the fully ordered ones (Never).
//! expect(sb_xchg): bug assertion
//! expect(sb_cmpxchg): bug assertion
//! expect(sb_inc_return): bug assertion
//! expect(sb_test_and_set): bug assertion
//! expect(dekker_xchg): bug assertion
#include <linux/atomic.h>
#include <linux/bitops.h>

#ifdef OK
#define XCHG(p, v) xchg(p, v)
#define CMPXCHG(p, o, n) cmpxchg(p, o, n)
#define INC(v) ((void)atomic_inc_return(v))
#define SET_BIT(n, w) ((void)test_and_set_bit(n, w))
#define RAISE(p) ((void)xchg(p, 1))
#else
#define XCHG(p, v) xchg_relaxed(p, v)
#define CMPXCHG(p, o, n) cmpxchg_relaxed(p, o, n)
#define INC(v) atomic_inc(v)
#define SET_BIT(n, w) set_bit(n, w)
#define RAISE(p) smp_store_release(p, 1)
#endif

static void run2(void (*a)(void *), void (*b)(void *))
{
	weft_thread_t t0 = weft_spawn(a, NULL), t1 = weft_spawn(b, NULL);

	weft_join(t0);
	weft_join(t1);
}

static int x1, y1, a1, b1;
static void x_p0(void *a) { (void)a; (void)XCHG(&x1, 1); a1 = smp_load_acquire(&y1); }
static void x_p1(void *a) { (void)a; (void)XCHG(&y1, 1); b1 = smp_load_acquire(&x1); }
WEFT_TEST(sb_xchg)
{
	run2(x_p0, x_p1);
	weft_assert(!(a1 == 0 && b1 == 0));
}

static int x2, y2, a2, b2;
static void c_p0(void *a) { (void)a; (void)CMPXCHG(&x2, 0, 1); a2 = smp_load_acquire(&y2); }
static void c_p1(void *a) { (void)a; (void)CMPXCHG(&y2, 0, 1); b2 = smp_load_acquire(&x2); }
WEFT_TEST(sb_cmpxchg)
{
	run2(c_p0, c_p1);
	weft_assert(!(a2 == 0 && b2 == 0));
}

static atomic_t c3 = ATOMIC_INIT(0);
static int y3, a3, b3;
static void i_p0(void *a) { (void)a; INC(&c3); a3 = smp_load_acquire(&y3); }
static void i_p1(void *a) { (void)a; smp_store_release(&y3, 1); smp_mb(); b3 = atomic_read(&c3); }
WEFT_TEST(sb_inc_return)
{
	run2(i_p0, i_p1);
	weft_assert(!(a3 == 0 && b3 == 0));
}

static unsigned long w4;
static int y4, a4, b4;
static void t_p0(void *a) { (void)a; SET_BIT(0, &w4); a4 = smp_load_acquire(&y4); }
static void t_p1(void *a) { (void)a; smp_store_release(&y4, 1); smp_mb(); b4 = test_bit(0, &w4); }
WEFT_TEST(sb_test_and_set)
{
	run2(t_p0, t_p1);
	weft_assert(!(a4 == 0 && b4 == 0));
}

/* Dekker's exclusion: raise your flag, enter if the other's is down. */
static int busy[2], inside, both;
static void cpu(int me)
{
	RAISE(&busy[me]);
	if (!smp_load_acquire(&busy[!me])) {
		if (__atomic_add_fetch(&inside, 1, __ATOMIC_SEQ_CST) == 2)
			both = 1;
		__atomic_sub_fetch(&inside, 1, __ATOMIC_SEQ_CST);
	}
}
static void cpu0(void *a) { (void)a; cpu(0); }
static void cpu1(void *a) { (void)a; cpu(1); }
WEFT_TEST(dekker_xchg)
{
	run2(cpu0, cpu1);
	weft_assert(!both);
}
