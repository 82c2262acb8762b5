// A per-device seqcount_t protects a 64-bit timestamp pair.  The writer
// disables preemption (as seqcount_t requires) but not softirqs; a timer
// handler reads the pair with read_seqcount_begin().  If the timer softirq
// interrupts the writer on its CPU, the reader spins for ever on an odd
// sequence.  Fixed: local_bh_disable() around the write section.
// weft counted any atomic section, preempt_disable's too, as softirqs
// off: the bug twin was verified (a probe's).
//! expect: bug deadlock
#include <linux/seqlock.h>
#include <linux/timer.h>
#include <linux/delay.h>
#include <linux/preempt.h>

static seqcount_t ts_seq = SEQCNT_ZERO(ts_seq);
static u64 ts_sec, ts_nsec;
static u64 last;
static struct timer_list sample_timer;

static void sample_fn(struct timer_list *t)
{
	unsigned int seq;
	u64 s, n;
	(void)t;
	do {
		seq = read_seqcount_begin(&ts_seq);
		s = ts_sec;
		n = ts_nsec;
	} while (read_seqcount_retry(&ts_seq, seq));
	WRITE_ONCE(last, s * 1000000000ull + n);
}

WEFT_TEST(seqcount_writer_vs_timer_reader)
{
	timer_setup(&sample_timer, sample_fn, 0);
	mod_timer(&sample_timer, jiffies + 1);
#ifdef FIXED
	local_bh_disable();
#else
	preempt_disable();
#endif
	write_seqcount_begin(&ts_seq);
	ts_sec++;
	ts_nsec = 5;
	write_seqcount_end(&ts_seq);
#ifdef FIXED
	local_bh_enable();
#else
	preempt_enable();
#endif
	msleep(2);
	del_timer_sync(&sample_timer);
}
