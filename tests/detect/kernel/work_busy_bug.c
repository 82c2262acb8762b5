// A teardown that waits for its work by polling work_pending() before it
// frees the device: PENDING is cleared when the work starts, so the poll
// ends while the work still runs on the device.  work_busy_ok.c polls
// work_busy(), which also reports WORK_BUSY_RUNNING.  (The kernel's way
// is cancel_work_sync; work_busy is a hint for debugging, but code that
// polls it is correct here, as nothing queues the work again.)  weft did
// not model work_busy at all (a compile error).
//! expect: bug use-after-free
#include <linux/workqueue.h>
#include <linux/slab.h>
#include <linux/delay.h>
#include <asm/processor.h>

struct dev {
	struct work_struct w;
	int events;
};

static void ev_fn(struct work_struct *w)
{
	struct dev *d = container_of(w, struct dev, w);

#ifdef OK
	WARN_ON(current_work() != w);
	WARN_ON(work_busy(w) != WORK_BUSY_RUNNING);
#endif
	d->events++;
}

WEFT_TEST(poll_then_free)
{
	struct dev *d = kzalloc(sizeof(*d), GFP_KERNEL);

	INIT_WORK(&d->w, ev_fn);
	WARN_ON(work_busy(&d->w) != 0);
	schedule_work(&d->w);
#ifdef OK
	while (work_busy(&d->w))
		cpu_relax();
	WARN_ON(current_work() != NULL);
#else
	while (work_pending(&d->w))
		cpu_relax();
#endif
	kfree(d);
}
