//! expect: verified
//! args: --strategy=dfs
/* Timers and sleeping on the virtual clock. */
#include <weft/linux.h>

struct dev {
	struct timer_list timer;
	unsigned long armed_for;
	int fired;
};

static struct dev d;

static void dev_timeout(struct timer_list *t)
{
	struct dev *dv = from_timer(dv, t, timer);

	weft_assert(dv == &d);
	weft_assert(time_after_eq(jiffies, dv->armed_for));
	WRITE_ONCE(dv->fired, READ_ONCE(dv->fired) + 1);
}

WEFT_TEST(fires_after_expiry)
{
	timer_setup(&d.timer, dev_timeout, 0);
	d.armed_for = jiffies + 5;
	weft_assert(!mod_timer(&d.timer, d.armed_for));
	msleep(10);
	/* it fired at 5 at the latest... but may still be running */
	del_timer_sync(&d.timer);
	weft_assert(READ_ONCE(d.fired) == 1);
}

/* After del_timer_sync the callback is not running and will not run. */
WEFT_TEST(del_timer_sync_is_final)
{
	int seen;

	timer_setup(&d.timer, dev_timeout, 0);
	d.armed_for = jiffies + 1;
	mod_timer(&d.timer, d.armed_for);
	del_timer_sync(&d.timer);
	seen = READ_ONCE(d.fired);
	weft_assert(!timer_pending(&d.timer));
	msleep(100);
	weft_assert(READ_ONCE(d.fired) == seen);
}

static void sleeper(void *arg)
{
	unsigned long t0 = jiffies;

	(void)arg;
	msleep(20);
	weft_assert(time_after_eq(jiffies, t0 + 20));
}

/* Sleepers wake only once the clock reached their deadline. */
WEFT_TEST(msleep_advances_time)
{
	unsigned long t0 = jiffies;
	weft_thread_t t = weft_spawn(sleeper, NULL);

	msleep(10);
	weft_assert(time_after_eq(jiffies, t0 + 10));
	weft_join(t);
}

static struct completion never;

/* A timed wait nobody completes times out, after the timeout. */
WEFT_TEST(completion_timeout)
{
	unsigned long t0 = jiffies, left;

	init_completion(&never);
	left = wait_for_completion_timeout(&never, 30);
	weft_assert(left == 0);
	weft_assert(time_after_eq(jiffies, t0 + 30));
}

static void completer(void *arg)
{
	complete(arg);
}

/* Completion and timeout race: both outcomes are explored; each is
 * consistent. */
WEFT_TEST(completion_timeout_race)
{
	unsigned long left;
	weft_thread_t t;

	init_completion(&never);
	t = weft_spawn(completer, &never);
	left = wait_for_completion_timeout(&never, 30);
	weft_join(t);
	if (left)
		weft_assert(!completion_done(&never));
	else
		weft_assert(completion_done(&never));
}
