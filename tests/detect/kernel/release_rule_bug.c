// Two orders the partial-order reduction skipped as "the release enabled
// the wait" (a review's probes; both verified before, random schedules
// found them).  sync_wrong_line: the rx line's handler end releases the
// interrupt domain, on which synchronize_irq(21) waits, but that wait was
// enabled all along (line 21 never ran): the teardown, which synchronizes
// the wrong line, frees the device under the rx handler.
// woken_mid_handler: a sleeper in schedule_timeout waits on the clock's
// domain too, and an hrtimer handler's end releases it, but what wakes it
// is wake_up_process, a step on its task state: the sleeper can read the
// handler's result before the handler writes it.  release_rule_ok.c
// synchronizes both lines, and wakes the sleeper after the handler's
// store.
//! expect(sync_wrong_line): bug use-after-free
//! expect(woken_mid_handler): bug assertion
#include <linux/completion.h>
#include <linux/hrtimer.h>
#include <linux/interrupt.h>
#include <linux/ktime.h>
#include <linux/sched.h>
#include <linux/slab.h>

struct mydev {
	int rx, tx;
};

static struct mydev *dev;
static int enabled = 1;

static irqreturn_t rx_irq(int irq, void *data)
{
	(void)irq;
	(void)data;
	if (READ_ONCE(enabled))
		dev->rx++;
	return IRQ_HANDLED;
}

static irqreturn_t tx_irq(int irq, void *data)
{
	(void)irq;
	(void)data;
	if (READ_ONCE(enabled))
		dev->tx++;
	return IRQ_HANDLED;
}

static void teardown(void *arg)
{
	(void)arg;
	WRITE_ONCE(enabled, 0);
#ifdef FIXED
	synchronize_irq(20);
#endif
	synchronize_irq(21);
	kfree(dev);
}

WEFT_TEST(sync_wrong_line)
{
	weft_thread_t t;

	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	WARN_ON(request_irq(20, rx_irq, 0, "rx", NULL));
	WARN_ON(request_irq(21, tx_irq, 0, "tx", NULL));
	weft_raise_irq(20);
	t = weft_spawn(teardown, NULL);
	weft_join(t);
	free_irq(20, NULL);
	free_irq(21, NULL);
}

static struct hrtimer tm;
static int result;
static struct task_struct *sl;
static DECLARE_COMPLETION(asleep);
static DECLARE_COMPLETION(begun);
static DECLARE_COMPLETION(stored);

static enum hrtimer_restart fn(struct hrtimer *t)
{
	(void)t;
	complete(&begun);
	WRITE_ONCE(result, 1);
	complete(&stored);
	return HRTIMER_NORESTART;
}

static void sleeper(void *arg)
{
	long left;

	(void)arg;
	sl = current;
	set_current_state(TASK_UNINTERRUPTIBLE);
	complete(&asleep);
	left = schedule_timeout(1000);
	/* Woken after it slept (an early wake-up returns the whole timeout
	 * at once; a timeout returns 0): the clock moved while it slept. */
	if (left > 0 && left < 1000)
		WARN_ON(!READ_ONCE(result));
}

WEFT_TEST(woken_mid_handler)
{
	weft_thread_t s = weft_spawn(sleeper, NULL);

	hrtimer_setup(&tm, fn, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	wait_for_completion(&asleep);
	hrtimer_start(&tm, ms_to_ktime(1), HRTIMER_MODE_REL);
#ifdef FIXED
	wait_for_completion(&stored);
#else
	wait_for_completion(&begun);
#endif
	wake_up_process(sl);
	weft_join(s);
	hrtimer_cancel(&tm);
}
