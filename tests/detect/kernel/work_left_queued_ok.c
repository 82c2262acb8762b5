// A work queued as the test's (or a thread's) last act, then flushed
// before the end: nothing is left pending.  work_left_queued_bug.c leaves
// it queued.  The exhaustive search verified the bug twin: it ran the
// worker first, and the order where the test ends before the worker
// takes the work was never tried, since taking a work makes the worker a
// thread the end waits for (liveness in src/op.h).
//! expect(work_left_by_test): verified
//! expect(work_left_by_thread): verified
//! expect(work_left_delayed): verified
#include <linux/workqueue.h>

int runs;

static void ev_fn(struct work_struct *w)
{
	(void)w;
	runs++;
}

static DECLARE_WORK(ev, ev_fn);
static DECLARE_DELAYED_WORK(dev, ev_fn);

WEFT_TEST(work_left_by_test)
{
	schedule_work(&ev);
#ifndef WORK_LEFT
	flush_work(&ev);
#endif
}

static void kick(void *arg)
{
	(void)arg;
	schedule_work(&ev);
}

WEFT_TEST(work_left_by_thread)
{
	weft_thread_t t = weft_spawn(kick, NULL);

	weft_join(t);
#ifndef WORK_LEFT
	flush_work(&ev);
#endif
}

WEFT_TEST(work_left_delayed)
{
	schedule_delayed_work(&dev, 0);
#ifndef WORK_LEFT
	flush_delayed_work(&dev);
#endif
}
