// A driver's ioctl path bumps per-queue u64_stats from preemptible process
// context.  On 32-bit kernels the update is a seqcount write section whose
// writers must not be preempted (u64_stats_update_begin():
// preempt_disable_nested() -> lockdep_assert_preemption_disabled() on
// !PREEMPT_RT): a writer preempted inside leaves readers spinning and a
// second writer on the CPU corrupts the count.  Fixed: the update runs
// with bottom halves disabled, as in the xmit path.
// weft's u64_stats_update_begin did not check preemption: the bug twin
// was verified (a probe's).
//! expect: bug misuse
#include <linux/u64_stats_sync.h>
#include <linux/bottom_half.h>
#include <linux/spinlock.h>

struct q_stats {
	u64_stats_t bytes;
	struct u64_stats_sync syncp;
};
static struct q_stats qs;

static void reader(void *arg)
{
	unsigned int start;
	u64 b;
	(void)arg;
	do {
		start = u64_stats_fetch_begin(&qs.syncp);
		b = u64_stats_read(&qs.bytes);
	} while (u64_stats_fetch_retry(&qs.syncp, start));
	(void)b;
}

WEFT_TEST(ioctl_stats_update)
{
	weft_thread_t t;

	u64_stats_init(&qs.syncp);
	t = weft_spawn(reader, NULL);
#ifdef FIXED
	local_bh_disable();
#endif
	u64_stats_update_begin(&qs.syncp);
	u64_stats_add(&qs.bytes, 64);
	u64_stats_update_end(&qs.syncp);
#ifdef FIXED
	local_bh_enable();
#endif
	weft_join(t);
}
