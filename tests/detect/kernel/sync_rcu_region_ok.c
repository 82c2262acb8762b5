// A hot path reads a flag with READ_ONCE and, when it is set, a buffer,
// inside a region with preemption (or softirqs) disabled and no
// rcu_read_lock; the updater clears the flag, calls synchronize_rcu()
// and frees the buffer.  Since Linux 4.20 the grace period waits for such
// regions, and orders those that ended before it.  weft opened such a
// region's read section only at its first rcu_dereference, so the free
// was a false use-after-free (a region spanning the grace period's start)
// or a false data race (one that ended before it) (a probe of kernel
// patterns).  sync_rcu_region_bug.c reads the buffer outside the region.
//! expect(preempt_region): verified
//! expect(bh_region): verified
#include <linux/bottom_half.h>
#include <linux/preempt.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>

static int enabled;
static int *buf;
int hits;

static void hot_path(void *arg)
{
	int bh = arg != NULL;

	if (bh)
		local_bh_disable();
	else
		preempt_disable();
	if (READ_ONCE(enabled)) {
		int *b = READ_ONCE(buf);
#ifdef READ_OUTSIDE
		if (bh)
			local_bh_enable();
		else
			preempt_enable();
		WRITE_ONCE(hits, b[0]);
		return;
#else
		WRITE_ONCE(hits, b[0]);
#endif
	}
	if (bh)
		local_bh_enable();
	else
		preempt_enable();
}

static void run(void *arg)
{
	weft_thread_t t;

	buf = kcalloc(4, sizeof(int), GFP_KERNEL);
	WRITE_ONCE(enabled, 1);
	t = weft_spawn(hot_path, arg);
	WRITE_ONCE(enabled, 0);
	synchronize_rcu();
	kfree(buf);
	weft_join(t);
}

WEFT_TEST(preempt_region)
{
	run(NULL);
}

WEFT_TEST(bh_region)
{
	run(&hits);
}
