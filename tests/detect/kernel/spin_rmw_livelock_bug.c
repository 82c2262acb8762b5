// A thread spinning on a read-modify-write that keeps failing (a cmpxchg
// whose expected value no thread left will store, a test_and_set_bit of
// a bit nobody will clear) with no other thread that could change it:
// a livelock, as the same loop of atomic_read was.  A failed cmpxchg and
// a test_and_set_bit of a set bit write nothing; taken for writes, each
// round was progress, and these ran to the step limit (inconclusive).
// bitlock_leak: a busy bit an error path forgets to clear; stale_old: a
// cmpxchg loop that never re-reads the value it expects (found by a probe
// of kernel spin loops).  spin_rmw_livelock_ok: another thread changes
// the value, the error path clears the bit, the loop re-reads.
//! expect(atomic_cmpxchg): bug livelock
//! expect(atomic_try_cmpxchg): bug livelock
//! expect(plain_cmpxchg): bug livelock
//! expect(plain_try_cmpxchg): bug livelock
//! expect(test_and_set_bit): bug livelock
//! expect(bitlock_leak): bug livelock
//! expect(stale_old): bug livelock
#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/errno.h>
#include <linux/kthread.h>

static atomic_t v = ATOMIC_INIT(1);
static int pv = 1;
static unsigned long bits = 1;

/* In the ok twin another thread lets the spins end. */
#ifdef OK
static void release_fn(void *arg)
{
	(void)arg;
	atomic_set(&v, 0);
	WRITE_ONCE(pv, 0);
	clear_bit(0, &bits);
}
#endif

static weft_thread_t helper(void)
{
#ifdef OK
	return weft_spawn(release_fn, NULL);
#else
	return (weft_thread_t){ 0 };
#endif
}

static void done(weft_thread_t t)
{
#ifdef OK
	weft_join(t);
#else
	(void)t;
#endif
}

WEFT_TEST(atomic_cmpxchg)
{
	weft_thread_t t = helper();

	while (atomic_cmpxchg(&v, 0, 1) != 0)
		cpu_relax();
	done(t);
}

WEFT_TEST(atomic_try_cmpxchg)
{
	weft_thread_t t = helper();
	int old = 0;

	while (!atomic_try_cmpxchg(&v, &old, 1))
		old = 0;
	done(t);
}

WEFT_TEST(plain_cmpxchg)
{
	weft_thread_t t = helper();

	while (cmpxchg(&pv, 0, 1) != 0)
		cpu_relax();
	done(t);
}

WEFT_TEST(plain_try_cmpxchg)
{
	weft_thread_t t = helper();
	int old = 0;

	while (!try_cmpxchg(&pv, &old, 1))
		old = 0;
	done(t);
}

WEFT_TEST(test_and_set_bit)
{
	weft_thread_t t = helper();

	while (test_and_set_bit(0, &bits))
		cpu_relax();
	done(t);
}

static unsigned long busy;

static int do_op(int fail)
{
	while (test_and_set_bit_lock(0, &busy))
		cpu_relax();
	if (fail) {
#ifdef OK
		clear_bit_unlock(0, &busy);
#endif
		return -EIO;
	}
	clear_bit_unlock(0, &busy);
	return 0;
}

WEFT_TEST(bitlock_leak)
{
	(void)do_op(1);
	(void)do_op(0);
}

static atomic_t seq = ATOMIC_INIT(0);

static void bump(void)
{
	int old = atomic_read(&seq);
#ifdef OK
	int prev;

	while ((prev = atomic_cmpxchg(&seq, old, old + 1)) != old) {
		old = prev;
		cpu_relax();
	}
#else
	while (atomic_cmpxchg(&seq, old, old + 1) != old)
		cpu_relax();
#endif
}

static void bump_fn(void *arg)
{
	(void)arg;
	bump();
}

WEFT_TEST(stale_old)
{
	weft_thread_t t = weft_spawn(bump_fn, NULL);

	bump();
	weft_join(t);
	WARN_ON(atomic_read(&seq) != 2);
}
