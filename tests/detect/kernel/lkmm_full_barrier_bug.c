// Store buffering with smp_store_release and smp_load_acquire, which are
// C11 atomics in weft: an acquire load may read a store older than the
// other side's unless a full barrier stands between each side's store
// and its load.  This file has no barrier (LKMM: Sometimes, a real bug,
// both loads read 0); lkmm_full_barrier_ok.c puts smp_mb() there, or a
// kin of it (smp_mb__after_spinlock, smp_mb__after_unlock_lock,
// synchronize_rcu), which the kernel memory model makes a full barrier
// (SB+fencembonceonces: Never).  smp_mb was only a release fence for the
// race detector, and weft reported the ok twin's assertion (a probe's).
//! expect(sb_mb): bug assertion
//! expect(sb_after_spinlock): bug assertion
//! expect(sb_unlock_lock): bug assertion
//! expect(sb_sync_rcu): bug assertion
//! expect(r_mb): bug assertion
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

static void run2(void (*a)(void *), void (*b)(void *))
{
	weft_thread_t t0 = weft_spawn(a, NULL), t1 = weft_spawn(b, NULL);

	weft_join(t0);
	weft_join(t1);
}

/* SB: each stores its flag, then loads the other's. */
static int x1, y1, a1, b1;
static void sb_p0(void *a) { (void)a; smp_store_release(&x1, 1); MB(); a1 = smp_load_acquire(&y1); }
static void sb_p1(void *a) { (void)a; smp_store_release(&y1, 1); MB(); b1 = smp_load_acquire(&x1); }
WEFT_TEST(sb_mb)
{
	run2(sb_p0, sb_p1);
	weft_assert(!(a1 == 0 && b1 == 0));
}

/* Each side in a critical section of its own lock. */
static DEFINE_SPINLOCK(la);
static DEFINE_SPINLOCK(lb);
static int x2, y2, a2, b2;
static void sl_p0(void *a) { (void)a; smp_store_release(&x2, 1); spin_lock(&la); MB_AFTER_SPINLOCK(); a2 = smp_load_acquire(&y2); spin_unlock(&la); }
static void sl_p1(void *a) { (void)a; smp_store_release(&y2, 1); spin_lock(&lb); MB_AFTER_SPINLOCK(); b2 = smp_load_acquire(&x2); spin_unlock(&lb); }
WEFT_TEST(sb_after_spinlock)
{
	run2(sl_p0, sl_p1);
	weft_assert(!(a2 == 0 && b2 == 0));
}

/* An unlock and a lock of another lock, made a full barrier. */
static DEFINE_SPINLOCK(lc);
static DEFINE_SPINLOCK(ld);
static int x3, y3, a3, b3;
static void ul_p0(void *a) { (void)a; spin_lock(&lc); smp_store_release(&x3, 1); spin_unlock(&lc); spin_lock(&ld); MB_AFTER_UNLOCK_LOCK(); a3 = smp_load_acquire(&y3); spin_unlock(&ld); }
static void ul_p1(void *a) { (void)a; smp_store_release(&y3, 1); MB(); b3 = smp_load_acquire(&x3); }
WEFT_TEST(sb_unlock_lock)
{
	run2(ul_p0, ul_p1);
	weft_assert(!(a3 == 0 && b3 == 0));
}

/* A grace period's wait is a full barrier too. */
static int x4, y4, a4, b4;
static void gp_p0(void *a) { (void)a; smp_store_release(&x4, 1); SYNC_RCU(); a4 = smp_load_acquire(&y4); }
static void gp_p1(void *a) { (void)a; smp_store_release(&y4, 1); MB(); b4 = smp_load_acquire(&x4); }
WEFT_TEST(sb_sync_rcu)
{
	run2(gp_p0, gp_p1);
	weft_assert(!(a4 == 0 && b4 == 0));
}

/* R: the second store to y is the last, and p1's load of x reads 0. */
static int x5, y5, b5;
static void r_p0(void *a) { (void)a; smp_store_release(&x5, 1); MB(); smp_store_release(&y5, 1); }
static void r_p1(void *a) { (void)a; smp_store_release(&y5, 2); MB(); b5 = smp_load_acquire(&x5); }
WEFT_TEST(r_mb)
{
	run2(r_p0, r_p1);
	weft_assert(!(smp_load_acquire(&y5) == 2 && b5 == 0));
}

/* The "need wakeup" handshake (io_uring's SQ_NEED_WAKEUP, ptr_ring):
 * without the barriers a wakeup is lost. */
static int tail, sleeping, slept, woke;
static void producer(void *a) { (void)a; smp_store_release(&tail, 1); MB(); if (smp_load_acquire(&sleeping)) woke = 1; }
static void consumer(void *a) { (void)a; smp_store_release(&sleeping, 1); MB(); if (smp_load_acquire(&tail) == 0) slept = 1; }
WEFT_TEST(need_wakeup)
{
	run2(consumer, producer);
	weft_assert(!(slept && !woke));
}
