// The fix of tasklet_bug.c: the tasklet defers the sleeping part to a
// work item; tasklet_kill and flush_work before the data goes away.
//! expect: verified
#include <linux/interrupt.h>
#include <linux/workqueue.h>
#include <linux/delay.h>

static struct tasklet_struct rx_tasklet;
static struct work_struct rx_work;
static int rx, slow;

static void rx_slow(struct work_struct *w)
{
	(void)w;
	msleep(1);
	slow++;
}

static void rx_fn(unsigned long data)
{
	WARN_ON(!in_softirq());
	WARN_ON(data != 42);
	rx++;
	schedule_work(&rx_work);
}

WEFT_TEST(defer_to_work)
{
	INIT_WORK(&rx_work, rx_slow);
	tasklet_init(&rx_tasklet, rx_fn, 42);
	tasklet_schedule(&rx_tasklet);
	tasklet_kill(&rx_tasklet);
	WARN_ON(rx != 1);
	flush_work(&rx_work);
	WARN_ON(slow != 1);
}
