// KCSAN's ASSERT_EXCLUSIVE_WRITER and ASSERT_EXCLUSIVE_ACCESS: the code
// states that no other thread writes (accesses) the variable
// concurrently.  They were ((void)0), and an intruder writing it with
// WRITE_ONCE outside the lock was verified (a probe's).  Here the
// intruder takes no lock (a data race at the assertion, as KCSAN
// reports); lkmm_assert_exclusive_ok.c takes it.
//! expect(exclusive_writer): bug data-race
//! expect(exclusive_access): bug data-race
//! expect(writer_readers): verified
#include <linux/atomic.h>
#include <linux/spinlock.h>

#ifdef OK
#define LOCK(l) spin_lock(l)
#define UNLOCK(l) spin_unlock(l)
#else
#define LOCK(l) do { } while (0)
#define UNLOCK(l) do { } while (0)
#endif

static DEFINE_SPINLOCK(lock);
static int state, other;

static void run2(void (*a)(void *), void (*b)(void *))
{
	weft_thread_t t0 = weft_spawn(a, NULL), t1 = weft_spawn(b, NULL);

	weft_join(t0);
	weft_join(t1);
}

static void owner(void *a)
{
	(void)a;
	spin_lock(&lock);
	ASSERT_EXCLUSIVE_WRITER(state);
	WRITE_ONCE(state, READ_ONCE(state) + 1);
	spin_unlock(&lock);
}
static void intruder(void *a)
{
	(void)a;
	LOCK(&lock);
	WRITE_ONCE(state, 5);
	UNLOCK(&lock);
}
WEFT_TEST(exclusive_writer)
{
	run2(owner, intruder);
}

static void sole(void *a)
{
	(void)a;
	spin_lock(&lock);
	ASSERT_EXCLUSIVE_ACCESS(other);
	WRITE_ONCE(other, 1);
	spin_unlock(&lock);
}
static void peeker(void *a)
{
	(void)a;
	LOCK(&lock);
	(void)READ_ONCE(other);
	UNLOCK(&lock);
}
WEFT_TEST(exclusive_access)
{
	run2(sole, peeker);
}

/* Readers without the lock do not contradict ASSERT_EXCLUSIVE_WRITER. */
static void reader(void *a)
{
	(void)a;
	(void)READ_ONCE(state);
}
WEFT_TEST(writer_readers)
{
	run2(owner, reader);
}
