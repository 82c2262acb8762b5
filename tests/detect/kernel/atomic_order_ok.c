// The kernel's relaxed atomics order nothing by themselves
// (Documentation/atomic_t.txt, atomic_bitops.txt): a bit lock released
// with clear_bit, and data published with atomic_set or atomic_inc after
// plain stores, are data races on weakly ordered machines.  This twin
// uses the ordered forms: clear_bit_unlock, atomic_set_release, and a
// fence (smp_wmb, smp_mb__before_atomic) before the relaxed one.
// atomic_order_bug.c uses the relaxed forms alone; weft took every kernel
// atomic as fully ordered and verified them (found by a probe of kernel
// patterns).
//! expect(bit_lock): verified
//! expect(set_publish): verified
//! expect(set_after_wmb): verified
//! expect(inc_publish): verified
//! expect(put_last): verified
//! expect(fence_reuse): verified
#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/processor.h>
#include <linux/slab.h>

#ifdef RELAXED
#define UNLOCK_BIT(nr, a) clear_bit(nr, a)
#define SET_PUBLISH(v, i) atomic_set(v, i)
#define WMB() do { } while (0)
#define BEFORE_ATOMIC() do { } while (0)
#define PUT_LAST(v) (atomic_dec_return_relaxed(v) < 0)
#else
/* A value-returning read-modify-write is fully ordered whatever its
 * name (atomic_add_negative was taken for a relaxed one: a false race,
 * found by a probe of the kernel memory model). */
#define PUT_LAST(v) atomic_add_negative(-1, v)
#define UNLOCK_BIT(nr, a) clear_bit_unlock(nr, a)
#define SET_PUBLISH(v, i) atomic_set_release(v, i)
#define WMB() smp_wmb()
#define BEFORE_ATOMIC() smp_mb__before_atomic()
#endif

static unsigned long lock_word;
static atomic_t flag = ATOMIC_INIT(0), ready = ATOMIC_INIT(0);
int counter, data, seen;

static void bump(void *arg)
{
	(void)arg;
	while (test_and_set_bit_lock(0, &lock_word))
		cpu_relax();
	counter++;
	UNLOCK_BIT(0, &lock_word);
}

WEFT_TEST(bit_lock)
{
	weft_thread_t a = weft_spawn(bump, NULL);

	bump(NULL);
	weft_join(a);
	weft_assert(counter == 2);
}

static void set_producer(void *arg)
{
	(void)arg;
	data = 42;
	SET_PUBLISH(&flag, 1);
}

WEFT_TEST(set_publish)
{
	weft_thread_t p = weft_spawn(set_producer, NULL);

	if (atomic_read(&flag))
		seen = data;
	weft_join(p);
}

static void wmb_producer(void *arg)
{
	(void)arg;
	data = 7;
	WMB();
	atomic_set(&flag, 1);
}

WEFT_TEST(set_after_wmb)
{
	weft_thread_t p = weft_spawn(wmb_producer, NULL);

	if (atomic_read(&flag))
		seen = data;
	weft_join(p);
}

static void inc_producer(void *arg)
{
	(void)arg;
	data = 9;
	BEFORE_ATOMIC();
	atomic_inc(&ready);
}

struct obj {
	atomic_t ref;
	int val;
};

static void put(struct obj *o)
{
	weft_assert(o->val == 1);
	if (PUT_LAST(&o->ref))
		kfree(o);
}

static void putter(void *arg)
{
	put(arg);
}

WEFT_TEST(put_last)
{
	struct obj *o = kzalloc(sizeof(*o), GFP_KERNEL);
	weft_thread_t t;

	atomic_set(&o->ref, 1); /* two holders: the count is one less */
	o->val = 1;
	t = weft_spawn(putter, o);
	put(o);
	weft_join(t);
}

/* A thread created in the record of one that ended (ids are reused) does
 * not inherit its fence (a review found the relaxed twin verified). */
static atomic_t flag2 = ATOMIC_INIT(0);
int x2;

static void fencer(void *arg)
{
	(void)arg;
	x2 = 1;
	smp_wmb();
}

static void setter2(void *arg)
{
	(void)arg;
	SET_PUBLISH(&flag2, 1);
}

static void reader2(void *arg)
{
	(void)arg;
	if (atomic_read(&flag2))
		seen = x2;
}

WEFT_TEST(fence_reuse)
{
	weft_thread_t t1 = weft_spawn(fencer, NULL);
	weft_thread_t t3 = weft_spawn(reader2, NULL);
	weft_thread_t t2;

	weft_join(t1);
	t2 = weft_spawn(setter2, NULL);
	weft_join(t2);
	weft_join(t3);
}

WEFT_TEST(inc_publish)
{
	weft_thread_t p = weft_spawn(inc_producer, NULL);

	if (atomic_read(&ready))
		seen = data;
	weft_join(p);
}
