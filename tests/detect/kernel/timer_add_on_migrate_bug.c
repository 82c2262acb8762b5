// Seed 003 (callout migration) in Linux terms: a timer's callback re-arms
// its own timer on the other CPU with add_timer_on() and then goes on
// using the object.  Unlike mod_timer (which keeps a running timer on its
// base), add_timer_on() moves the timer to the other CPU's base at once,
// so the teardown's del_timer_sync() finds it pending there, not running,
// detaches it and returns while the callback still runs on the old CPU:
// the kfree races with the callback's last write (the kernel-doc of
// timer_delete_sync: the handler must not call add_timer_on).  weft
// mapped add_timer_on to add_timer and verified it (a probe of kernel
// patterns).  timer_add_on_migrate_ok.c re-arms on the CPU it runs on.
//! expect: bug use-after-free
#include <linux/jiffies.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/timer.h>

struct poll {
	struct timer_list t;
	int cpu;
	int n;
};

static void poll_fn(struct timer_list *t)
{
	struct poll *p = from_timer(p, t, t);

#ifdef SAME_CPU
	p->cpu = smp_processor_id();
#else
	p->cpu = smp_processor_id() ^ 1;
#endif
	p->t.expires = jiffies + 1;
	add_timer_on(&p->t, p->cpu);
	p->n++;
}

WEFT_TEST(add_timer_on_from_callback)
{
	struct poll *p = kzalloc(sizeof(*p), GFP_KERNEL);

	timer_setup(&p->t, poll_fn, 0);
	mod_timer(&p->t, jiffies + 1);
	del_timer_sync(&p->t);
	kfree(p);
}
