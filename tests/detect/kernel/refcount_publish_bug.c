// A writer fills an object and publishes it by its reference count:
// refcount_set() from 0 to 1 in one test, refcount_inc() in the other; a
// reader takes a reference with refcount_inc_not_zero(), or reads the
// count, and then reads the object.  refcount_set and refcount_inc order
// nothing in the kernel (Documentation/core-api/refcount-vs-atomic.rst),
// so the plain store is a data race with the read.  weft ordered every
// refcount operation as a lock's, and both were verified (a probe).
// refcount_publish_ok.c puts smp_wmb() before the publishing operation
// and smp_rmb() after the reader's.
//! expect: bug data-race
#include <linux/refcount.h>
#include <linux/kthread.h>
#include <linux/bug.h>

struct obj {
	refcount_t ref;
	int data;
};
static struct obj a, b;

static void barrier_w(void)
{
#ifdef FIXED
	smp_wmb();
#endif
}

static void barrier_r(void)
{
#ifdef FIXED
	smp_rmb();
#endif
}

static void get_reader(void *arg)
{
	(void)arg;
	if (refcount_inc_not_zero(&a.ref)) {
		barrier_r();
		WARN_ON(a.data != 42);
		refcount_dec(&a.ref);
	}
}

WEFT_TEST(refcount_set_publish)
{
	refcount_set(&a.ref, 0);
	weft_thread_t t = weft_spawn(get_reader, NULL);
	a.data = 42;
	barrier_w();
	refcount_set(&a.ref, 1);
	weft_join(t);
}

static void count_reader(void *arg)
{
	(void)arg;
	if (refcount_read(&b.ref) == 2) {
		barrier_r();
		WARN_ON(b.data != 42);
	}
}

WEFT_TEST(refcount_inc_publish)
{
	refcount_set(&b.ref, 1);
	weft_thread_t t = weft_spawn(count_reader, NULL);
	b.data = 42;
	barrier_w();
	refcount_inc(&b.ref);
	weft_join(t);
}
