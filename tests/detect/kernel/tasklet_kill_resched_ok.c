// tasklet_kill of a tasklet that reschedules itself (up to three runs),
// then kfree.  The kernel's tasklet_kill takes TASKLET_STATE_SCHED itself
// once a scheduled run has started, so a tasklet_schedule during the kill
// (the running tasklet's own included) does nothing; then it waits for
// the running tasklet to return and clears the bit.  Afterwards the
// tasklet is neither scheduled nor running, and its memory may go.
// weft modelled tasklet_kill as flush_work, which waited only for the run
// scheduled when it began: the rescheduled run was left pending, a false
// use-after-free.  kill_races_schedule has another thread schedule the
// tasklet during the kill (the second kill catches a schedule that came
// after the first); schedule_after_kill checks that a killed tasklet can
// be scheduled again.  tasklet_kill_resched_bug.c frees the object with
// no tasklet_kill.
//! expect(resched_kill): verified
//! expect(kill_races_schedule): verified
//! expect(schedule_after_kill): verified
#include <linux/interrupt.h>
#include <linux/kthread.h>
#include <linux/slab.h>

struct dev {
	struct tasklet_struct t;
	int runs;
};

static void resched_fn(struct tasklet_struct *t)
{
	struct dev *d = from_tasklet(d, t, t);

	if (++d->runs < 3)
		tasklet_schedule(&d->t);
}

WEFT_TEST(resched_kill)
{
	struct dev *d = kzalloc(sizeof(*d), GFP_KERNEL);

	tasklet_setup(&d->t, resched_fn);
	tasklet_schedule(&d->t);
#ifndef TASKLET_NO_KILL
	tasklet_kill(&d->t);
#endif
	kfree(d);
}

#ifndef TASKLET_NO_KILL
static void count_fn(struct tasklet_struct *t)
{
	struct dev *d = from_tasklet(d, t, t);

	d->runs++;
}

static int irq_thread(void *arg)
{
	struct dev *d = arg;

	tasklet_schedule(&d->t);
	return 0;
}

WEFT_TEST(kill_races_schedule)
{
	struct dev *d = kzalloc(sizeof(*d), GFP_KERNEL);
	struct task_struct *k;

	tasklet_setup(&d->t, resched_fn);
	tasklet_schedule(&d->t);
	k = kthread_create(irq_thread, d, "irq");
	get_task_struct(k);
	wake_up_process(k);
	tasklet_kill(&d->t);
	kthread_stop(k);
	put_task_struct(k);
	tasklet_kill(&d->t);
	kfree(d);
}

WEFT_TEST(schedule_after_kill)
{
	struct dev *d = kzalloc(sizeof(*d), GFP_KERNEL);

	tasklet_setup(&d->t, count_fn);
	tasklet_schedule(&d->t);
	tasklet_kill(&d->t);
	tasklet_schedule(&d->t);
	tasklet_kill(&d->t);
	WARN_ON(d->runs != 2);
	kfree(d);
}
#endif
