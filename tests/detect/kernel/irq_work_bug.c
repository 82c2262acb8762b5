// A perf-style event defers its wake-up to an irq_work and is freed when
// its owner closes it; the close forgets irq_work_sync, so the pending
// irq_work runs on freed memory.  irq_work_ok.c syncs before the free.
//! expect: bug use-after-free
#include <linux/irq_work.h>
#include <linux/kthread.h>
#include <linux/slab.h>

struct event {
	struct irq_work pending;
	int wakeups;
};

static struct event *ev;

static void event_wakeup(struct irq_work *w)
{
	struct event *e = container_of(w, struct event, pending);

	e->wakeups++;
}

static int overflow(void *arg)
{
	(void)arg;
	irq_work_queue(&ev->pending);
	return 0;
}

WEFT_TEST(close_races_irq_work)
{
	struct task_struct *t;

	ev = kzalloc(sizeof(*ev), GFP_KERNEL);
	init_irq_work(&ev->pending, event_wakeup);
	t = kthread_create(overflow, NULL, "overflow");
	get_task_struct(t);
	wake_up_process(t);
	kthread_stop(t);
	put_task_struct(t);
#ifdef OK
	irq_work_sync(&ev->pending);
#endif
	kfree(ev);
}
