// A tasklet runs in softirq context: sleeping in it is a bug.
//! expect: bug misuse
#include <linux/interrupt.h>
#include <linux/delay.h>

static struct tasklet_struct rx_tasklet;
static int rx;

static void rx_fn(struct tasklet_struct *t)
{
	(void)t;
	msleep(1);
	rx++;
}

WEFT_TEST(sleep_in_tasklet)
{
	tasklet_setup(&rx_tasklet, rx_fn);
	tasklet_schedule(&rx_tasklet);
	tasklet_kill(&rx_tasklet);
}
