// Litmus shapes of the kernel memory model whose accesses are
// smp_store_release and smp_load_acquire, C11 atomics in weft: an
// acquire load may read a store older than another thread's unless a
// full barrier stands between each side's store and its later load.
// This file has no barrier (LKMM: Sometimes, a real bug each);
// lkmm_full_barrier_ok.c puts smp_mb() there, or a kin of it
// (smp_mb__after_spinlock, smp_mb__after_unlock_lock, synchronize_rcu),
// a full barrier in the kernel memory model: Never.  smp_mb was only a
// release fence for the race detector, nothing for the C11 atomics, and
// weft reported every ok shape's assertion (a probe's).
//! expect(sb_mb): bug assertion
//! expect(sb_after_spinlock): bug assertion
//! expect(sb_unlock_lock): bug assertion
//! expect(sb_sync_rcu): bug assertion
//! expect(r_mb): bug assertion
//! expect(iriw_mb): bug assertion
//! expect(wrwc_mb): bug assertion
//! expect(z6_mb_lock): bug assertion
//! expect(need_wakeup): bug assertion
#include <linux/atomic.h>
#include <linux/spinlock.h>
#include <linux/rcupdate.h>

#ifdef OK
#define MB() smp_mb()
#define MB_AFTER_SPINLOCK() smp_mb__after_spinlock()
#define MB_AFTER_UNLOCK_LOCK() smp_mb__after_unlock_lock()
#define SYNC_RCU() synchronize_rcu()
#else
#define MB() do { } while (0)
#define MB_AFTER_SPINLOCK() do { } while (0)
#define MB_AFTER_UNLOCK_LOCK() do { } while (0)
#define SYNC_RCU() do { } while (0)
#endif

static void run(int n, void (*f[])(void *))
{
	weft_thread_t t[4];

	for (int i = 0; i < n; i++)
		t[i] = weft_spawn(f[i], NULL);
	for (int i = 0; i < n; i++)
		weft_join(t[i]);
}
#define RUN(...)                                                              \
	do {                                                                  \
		void (*f_[])(void *) = { __VA_ARGS__ };                       \
		run((int)(sizeof f_ / sizeof f_[0]), f_);                     \
	} while (0)

/* SB: each stores its flag, then loads the other's. */
static int x1, y1, a1, b1;
static void sb0(void *a) { (void)a; smp_store_release(&x1, 1); MB(); a1 = smp_load_acquire(&y1); }
static void sb1(void *a) { (void)a; smp_store_release(&y1, 1); MB(); b1 = smp_load_acquire(&x1); }
WEFT_TEST(sb_mb)
{
	RUN(sb0, sb1);
	weft_assert(!(a1 == 0 && b1 == 0));
}

/* Each side in a critical section of a lock of its own. */
static DEFINE_SPINLOCK(la);
static DEFINE_SPINLOCK(lb);
static int x2, y2, a2, b2;
static void sl0(void *a) { (void)a; smp_store_release(&x2, 1); spin_lock(&la); MB_AFTER_SPINLOCK(); a2 = smp_load_acquire(&y2); spin_unlock(&la); }
static void sl1(void *a) { (void)a; smp_store_release(&y2, 1); spin_lock(&lb); MB_AFTER_SPINLOCK(); b2 = smp_load_acquire(&x2); spin_unlock(&lb); }
WEFT_TEST(sb_after_spinlock)
{
	RUN(sl0, sl1);
	weft_assert(!(a2 == 0 && b2 == 0));
}

/* An unlock and a lock of the same lock, made a full barrier. */
static DEFINE_SPINLOCK(lc);
static DEFINE_SPINLOCK(ld);
static int x3, y3, a3, b3;
static void ul0(void *a) { (void)a; spin_lock(&lc); smp_store_release(&x3, 1); spin_unlock(&lc); spin_lock(&lc); MB_AFTER_UNLOCK_LOCK(); a3 = smp_load_acquire(&y3); spin_unlock(&lc); }
static void ul1(void *a) { (void)a; spin_lock(&ld); smp_store_release(&y3, 1); spin_unlock(&ld); spin_lock(&ld); MB_AFTER_UNLOCK_LOCK(); b3 = smp_load_acquire(&x3); spin_unlock(&ld); }
WEFT_TEST(sb_unlock_lock)
{
	RUN(ul0, ul1);
	weft_assert(!(a3 == 0 && b3 == 0));
}

/* A grace period's wait is a full barrier too. */
static int x4, y4, a4, b4;
static void gp0(void *a) { (void)a; smp_store_release(&x4, 1); SYNC_RCU(); a4 = smp_load_acquire(&y4); }
static void gp1(void *a) { (void)a; smp_store_release(&y4, 1); MB(); b4 = smp_load_acquire(&x4); }
WEFT_TEST(sb_sync_rcu)
{
	RUN(gp0, gp1);
	weft_assert(!(a4 == 0 && b4 == 0));
}

/* R: p1's store to y is the last, and its load of x reads 0. */
static int x5, y5, b5;
static void r0(void *a) { (void)a; smp_store_release(&x5, 1); MB(); smp_store_release(&y5, 1); }
static void r1(void *a) { (void)a; smp_store_release(&y5, 2); MB(); b5 = smp_load_acquire(&x5); }
WEFT_TEST(r_mb)
{
	RUN(r0, r1);
	weft_assert(!(smp_load_acquire(&y5) == 2 && b5 == 0));
}

/* IRIW: two readers see two independent writes in opposite orders. */
static int x6, y6, a6, c6, b6, d6;
static void iw0(void *a) { (void)a; smp_store_release(&x6, 1); }
static void ir1(void *a) { (void)a; a6 = smp_load_acquire(&x6); MB(); c6 = smp_load_acquire(&y6); }
static void iw2(void *a) { (void)a; smp_store_release(&y6, 1); }
static void ir3(void *a) { (void)a; b6 = smp_load_acquire(&y6); MB(); d6 = smp_load_acquire(&x6); }
WEFT_TEST(iriw_mb)
{
	RUN(iw0, ir1, iw2, ir3);
	weft_assert(!(a6 == 1 && c6 == 0 && b6 == 1 && d6 == 0));
}

/* W+RWC: p1 sees p0's second store but not p2's, p2 not p0's first. */
static int x7, y7, z7, a7, b7, c7;
static void wr0(void *a) { (void)a; smp_store_release(&x7, 1); smp_store_release(&y7, 1); }
static void wr1(void *a) { (void)a; a7 = smp_load_acquire(&y7); MB(); b7 = smp_load_acquire(&z7); }
static void wr2(void *a) { (void)a; smp_store_release(&z7, 1); MB(); c7 = smp_load_acquire(&x7); }
WEFT_TEST(wrwc_mb)
{
	RUN(wr0, wr1, wr2);
	weft_assert(!(a7 == 1 && b7 == 0 && c7 == 0));
}

/* Z6.0 with p0 and p1 under one lock (pooncelock+poonceLock+pombonce). */
static DEFINE_SPINLOCK(lz);
static int x8, y8, z8, a8, b8;
static void z0(void *a) { (void)a; spin_lock(&lz); smp_store_release(&x8, 1); smp_store_release(&y8, 1); spin_unlock(&lz); }
static void z1(void *a) { (void)a; spin_lock(&lz); MB_AFTER_SPINLOCK(); a8 = smp_load_acquire(&y8); smp_store_release(&z8, 1); spin_unlock(&lz); }
static void z2(void *a) { (void)a; smp_store_release(&z8, 2); MB(); b8 = smp_load_acquire(&x8); }
WEFT_TEST(z6_mb_lock)
{
	RUN(z0, z1, z2);
	weft_assert(!(a8 == 1 && smp_load_acquire(&z8) == 2 && b8 == 0));
}

/* The "need wakeup" handshake (io_uring's SQ_NEED_WAKEUP, ptr_ring):
 * without the barriers a wakeup is lost. */
static int tail, sleeping, slept, woke;
static void producer(void *a) { (void)a; smp_store_release(&tail, 1); MB(); if (smp_load_acquire(&sleeping)) woke = 1; }
static void consumer(void *a) { (void)a; smp_store_release(&sleeping, 1); MB(); if (smp_load_acquire(&tail) == 0) slept = 1; }
WEFT_TEST(need_wakeup)
{
	RUN(consumer, producer);
	weft_assert(!(slept && !woke));
}
