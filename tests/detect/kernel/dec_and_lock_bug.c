// refcount_dec_and_lock and atomic_dec_and_lock drop a reference that is
// not the last without taking the lock (lib/refcount.c,
// lib/dec_and_lock.c): a thread holding the lock cannot assume the count
// stays put.  weft took the lock for every such put, so the two reads
// under the lock always agreed and both tests were verified.
//! expect(refcount_dec_and_lock_unlocked_drop): bug assertion
//! expect(atomic_dec_and_lock_unlocked_drop): bug assertion
#include <linux/atomic.h>
#include <linux/refcount.h>
#include <linux/spinlock.h>

static DEFINE_SPINLOCK(lock);
static refcount_t ref = REFCOUNT_INIT(2);
static atomic_t cnt = ATOMIC_INIT(2);

static void put_ref(void *arg)
{
	(void)arg;
	if (refcount_dec_and_lock(&ref, &lock))
		spin_unlock(&lock);
}

static void put_cnt(void *arg)
{
	(void)arg;
	if (atomic_dec_and_lock(&cnt, &lock))
		spin_unlock(&lock);
}

WEFT_TEST(refcount_dec_and_lock_unlocked_drop)
{
	weft_thread_t t = weft_spawn(put_ref, NULL);
	unsigned int a, b;

	spin_lock(&lock);
	a = refcount_read(&ref);
	b = refcount_read(&ref);
	spin_unlock(&lock);
	weft_assert(a == b); /* wrong: the lock does not cover the drop */
	weft_join(t);
}

WEFT_TEST(atomic_dec_and_lock_unlocked_drop)
{
	weft_thread_t t = weft_spawn(put_cnt, NULL);
	int a, b;

	spin_lock(&lock);
	a = atomic_read(&cnt);
	b = atomic_read(&cnt);
	spin_unlock(&lock);
	weft_assert(a == b); /* wrong: the lock does not cover the drop */
	weft_join(t);
}
