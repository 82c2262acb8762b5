// A timer's callback re-arms it on the other CPU with add_timer_on() and
// then updates the object.  The next run, on the other CPU's timer
// softirq, may begin before this one returns: two runs of one callback at
// once, as in seed 003 (callout migration), so the read of p->n in one run
// races with the write in the other.  weft ran every run of a timer in
// one thread, so the two never overlapped, and this was verified (a probe
// of seed 003's pattern in Linux terms).  timer_add_on_overlap_ok.c
// re-arms on the CPU it runs on, where the runs are serialised.
//! expect: bug data-race
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/smp.h>
#include <linux/timer.h>

struct poll {
	struct timer_list t;
	int n;
};

static struct poll P;

static void poll_fn(struct timer_list *t)
{
	struct poll *p = from_timer(p, t, t);
	int n = p->n;

	if (n < 2) {
		p->t.expires = jiffies + 1;
#ifdef SAME_CPU
		add_timer_on(&p->t, smp_processor_id());
#else
		add_timer_on(&p->t, smp_processor_id() ^ 1);
#endif
	}
	p->n = n + 1;
}

WEFT_TEST(add_timer_on_overlap)
{
	timer_setup(&P.t, poll_fn, 0);
	mod_timer(&P.t, jiffies + 1);
	msleep(100);
	del_timer_sync(&P.t);
}
