// Timer a is pinned to CPU 0 by add_timer_on; then a kthread bound to
// CPU 1 re-arms it with mod_timer, which queues a timer on the calling
// CPU's base: a now runs on CPU 1, at once with b on CPU 0, and their
// plain counter races.  weft kept a's pin, and the race was never tried
// (a review's probe).  timer_pinned_moved_ok.c re-arms a with add_timer_on
// to CPU 0 instead.
//! expect: bug data-race
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/timer.h>
static struct timer_list a, b, c;
static void fc(struct timer_list *t) { (void)t; }
static unsigned long count;
static DECLARE_COMPLETION(moved);
static void fa(struct timer_list *t) { (void)t; count++; }
static void fb(struct timer_list *t) { (void)t; count++; }
static int mover(void *arg)
{
	(void)arg;
#ifdef FIXED
	add_timer_on(&a, 0);
#else
	mod_timer(&a, jiffies + 1);
#endif
	complete(&moved);
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}
WEFT_TEST(mod_moves)
{
	struct task_struct *k;
	/* The clock thread first (as the model now makes sure itself). */
	timer_setup(&c, fc, 0);
	mod_timer(&c, jiffies + 1);
	del_timer_sync(&c);
	timer_setup(&a, fa, TIMER_PINNED);
	timer_setup(&b, fb, TIMER_PINNED);
	a.expires = jiffies + 50;
	add_timer_on(&a, 0);
#ifdef FIXED
	/* Re-pinned below to the CPU it was on: fa and fb stay serial. */
	del_timer_sync(&a);
	a.expires = jiffies + 1;
#endif
	k = kthread_create(mover, NULL, "mover");
	kthread_bind(k, 1);
	wake_up_process(k);
	wait_for_completion(&moved);
	b.expires = jiffies + 1;
	add_timer_on(&b, 0);
	msleep(100);
	kthread_stop(k);
	del_timer_sync(&a);
	del_timer_sync(&b);
}
