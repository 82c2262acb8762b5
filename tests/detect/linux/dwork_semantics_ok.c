//! expect: verified
//! args: --strategy=dfs
/* Delayed work on the virtual clock. */
#include <weft/linux.h>

static unsigned long queued_at;
static int runs;
static struct delayed_work dw;

static void late_fn(struct work_struct *w)
{
	struct delayed_work *d = to_delayed_work(w);

	weft_assert(d == &dw);
	/* never before its delay has passed */
	weft_assert(time_after_eq(jiffies, queued_at + 10));
	WRITE_ONCE(runs, READ_ONCE(runs) + 1);
}

WEFT_TEST(runs_after_delay)
{
	INIT_DELAYED_WORK(&dw, late_fn);
	queued_at = jiffies;
	weft_assert(schedule_delayed_work(&dw, 10));
	/* false while pending; true only once the first run has started */
	if (schedule_delayed_work(&dw, 10)) {
		flush_delayed_work(&dw);
		weft_assert(READ_ONCE(runs) == 2);
	} else {
		msleep(20);
		flush_delayed_work(&dw);
		weft_assert(READ_ONCE(runs) == 1);
	}
}

static void now_fn(struct work_struct *w)
{
	(void)w;
	WRITE_ONCE(runs, READ_ONCE(runs) + 1);
}

/* flush_delayed_work cuts the delay short and waits. */
WEFT_TEST(flush_runs_it_now)
{
	INIT_DELAYED_WORK(&dw, now_fn);
	schedule_delayed_work(&dw, 1000);
	flush_delayed_work(&dw);
	weft_assert(READ_ONCE(runs) == 1);
}

/* mod_delayed_work on a pending work re-arms it: it still runs once.  If
 * the first timer fired and the work started before the second call (the
 * test thread preempted for 50 jiffies), the work is no longer pending and
 * is queued again: it may run twice.  (This test asserted at most one run
 * until the explorer tried that order: a timer handler made runnable and
 * then disabled by a later step was never run first.) */
WEFT_TEST(mod_rearms_once)
{
	bool was;

	INIT_DELAYED_WORK(&dw, now_fn);
	weft_assert(!mod_delayed_work(system_wq, &dw, 50)); /* was idle */
	was = mod_delayed_work(system_wq, &dw, 5);
	cancel_delayed_work_sync(&dw);
	weft_assert(READ_ONCE(runs) <= (was ? 1 : 2));
	weft_assert(was || READ_ONCE(runs) >= 1);
	weft_assert(!delayed_work_pending(&dw));
}
