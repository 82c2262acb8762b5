// A hash bucket is locked with a bit spinlock (bit 0 of the bucket word,
// as hlist_bl does).  Process context takes it with softirqs enabled; the
// GC timer takes the same bucket bit.  On the holder's CPU the timer
// softirq spins on the bit for ever.  Fixed: local_bh_disable() around the
// process-context section.
// weft checked bit locks against hard interrupts only: the bug twin was
// verified (a probe's).
//! expect: bug deadlock
#include <linux/bit_spinlock.h>
#include <linux/timer.h>
#include <linux/delay.h>

static unsigned long bucket;
static int entries;
static struct timer_list gc_timer;

static void gc_fn(struct timer_list *t)
{
	(void)t;
	bit_spin_lock(0, &bucket);
	entries = 0;
	bit_spin_unlock(0, &bucket);
}

WEFT_TEST(bucket_insert_vs_gc)
{
	timer_setup(&gc_timer, gc_fn, 0);
	mod_timer(&gc_timer, jiffies);
#ifdef FIXED
	local_bh_disable();
#endif
	bit_spin_lock(0, &bucket);
	entries++;
	bit_spin_unlock(0, &bucket);
#ifdef FIXED
	local_bh_enable();
#endif
	msleep(2);
	del_timer_sync(&gc_timer);
}
