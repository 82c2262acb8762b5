// The _acquire and _release forms of the value-returning atomics
// (atomic_fetch_add_release, atomic_long_xchg_release,
// atomic64_fetch_or_release, atomic_fetch_add_acquire ...) were missing:
// kernel code using them met a compiler error (a probe).  Here a writer
// publishes a plain store with a _relaxed operation, which orders
// nothing: a data race with the reader.  atomic_ordered_forms_ok.c
// publishes with the _release forms.
//! expect: bug data-race
#include <linux/atomic.h>
#include <linux/kthread.h>
#include <linux/bug.h>

static atomic_t f;
static atomic_long_t l;
static atomic64_t q;
static int data;

static void writer(void *arg)
{
	(void)arg;
	data = 1;
#ifdef FIXED
	(void)atomic_fetch_add_release(1, &f);
	(void)atomic_long_xchg_release(&l, 2);
	(void)atomic64_fetch_or_release(1, &q);
#else
	(void)atomic_fetch_add_relaxed(1, &f);
	(void)atomic_long_xchg_relaxed(&l, 2);
	(void)atomic64_fetch_or_relaxed(1, &q);
#endif
}

WEFT_TEST(atomic_ordered_forms)
{
	weft_thread_t t = weft_spawn(writer, NULL);

	if (atomic_fetch_add_acquire(0, &f) == 1)
		WARN_ON(data != 1);
	(void)atomic_inc_return_acquire(&f);
	(void)atomic_sub_return_release(1, &f);
	(void)atomic_cmpxchg_acquire(&f, 5, 6);
	(void)atomic64_fetch_andnot_relaxed(0, &q);
	weft_join(t);
}
