// read_lock() taken twice by a thread in process context while a writer
// may queue in between: the queued rwlock lets a reader pass a waiting
// writer only in interrupt context (or with softirqs off), so the second
// read_lock waits for the writer, which waits for the first hold.
// lockdep (since 5.10) reports the recursion.  weft checked it for
// rw_semaphores only and verified this (found by a probe of kernel
// deadlocks).  rwlock_recursive_read_ok.c takes it once, and nests
// read_lock_bh, which may pass the writer.
//! expect(twice): bug lock-order
//! expect(twice_bh): verified
#include <linux/spinlock.h>

static DEFINE_RWLOCK(l);
static int x;

static void writer(void *arg)
{
	(void)arg;
	write_lock_bh(&l);
	x++;
	write_unlock_bh(&l);
}

#ifndef OK
static int lookup(void)
{
	int v;

	read_lock(&l);
	v = x;
	read_unlock(&l);
	return v;
}
#endif

WEFT_TEST(twice)
{
	weft_thread_t t = weft_spawn(writer, NULL);
	int v;

	read_lock(&l);
#ifdef OK
	v = x;
#else
	v = lookup();
#endif
	read_unlock(&l);
	(void)v;
	weft_join(t);
}

/* With softirqs off the reader counts as in interrupt context: the
 * nested hold passes a waiting writer. */
WEFT_TEST(twice_bh)
{
	weft_thread_t t = weft_spawn(writer, NULL);
	int v;

	read_lock_bh(&l);
	read_lock(&l);
	v = x;
	read_unlock(&l);
	read_unlock_bh(&l);
	(void)v;
	weft_join(t);
}
