// <linux/u64_stats_sync.h> was a plain "No such file" (found by a probe
// of kernel patterns); it is modelled as on a 32-bit kernel, a seqcount.
// A reader that takes one snapshot without u64_stats_fetch_retry sees a
// writer's update half done; u64_stats_ok retries.  counters uses
// u64_stats_t, whose accesses are marked.  The writer runs with bottom
// halves off, as an xmit path's does: a preemptible one is misuse
// (u64_stats_preemptible_bug.c).
//! expect(no_retry): bug assertion
//! expect(counters): bug assertion
#include <linux/bottom_half.h>
#include <linux/kthread.h>
#include <linux/u64_stats_sync.h>

struct stats {
	u64 pkts, bytes;
	u64_stats_t rx, rx_bytes;
	struct u64_stats_sync syncp;
};

static struct stats st;

static void writer(void *a)
{
	(void)a;
	local_bh_disable();
	u64_stats_update_begin(&st.syncp);
	st.pkts++;
	st.bytes += 100;
	u64_stats_inc(&st.rx);
	u64_stats_add(&st.rx_bytes, 100);
	u64_stats_update_end(&st.syncp);
	local_bh_enable();
}

#ifdef OK
#define RETRY(start) u64_stats_fetch_retry(&st.syncp, start)
#else
#define RETRY(start) ((void)(start), 0)
#endif

WEFT_TEST(no_retry)
{
	unsigned int start;
	u64 p, b;
	weft_thread_t t;

	u64_stats_init(&st.syncp);
	t = weft_spawn(writer, NULL);
	do {
		start = u64_stats_fetch_begin(&st.syncp);
		p = st.pkts;
		b = st.bytes;
	} while (RETRY(start));
	WARN_ON(b != p * 100);
	weft_join(t);
}

WEFT_TEST(counters)
{
	unsigned int start;
	u64 p, b;
	weft_thread_t t;

	u64_stats_init(&st.syncp);
	t = weft_spawn(writer, NULL);
	do {
		start = u64_stats_fetch_begin(&st.syncp);
		p = u64_stats_read(&st.rx);
		b = u64_stats_read(&st.rx_bytes);
	} while (RETRY(start));
	WARN_ON(b != p * 100);
	weft_join(t);
}
