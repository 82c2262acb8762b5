// tasklet_enable_run_ok.c's device freed while its tasklet is disabled,
// as if the disable had dropped the scheduled run: it had not, the run
// comes at tasklet_enable, on the freed buffer.  (A tasklet_kill of a
// disabled, scheduled tasklet would wait for ever instead; the fix kills
// it before it is freed, with the tasklet enabled.)  disable_in_own_tasklet
// has the tasklet disable itself, which waits for itself for ever; the
// wait may sleep (wait_var_event, Linux 5.13 on), which in the tasklet's
// softirq context the kernel reports first, as weft does.
//! expect(free_while_disabled): bug use-after-free
//! expect(disable_in_own_tasklet): bug misuse
#include <linux/interrupt.h>
#include <linux/slab.h>

struct dev {
	struct tasklet_struct t;
	int *buf;
};

static void run_fn(struct tasklet_struct *t)
{
	struct dev *d = from_tasklet(d, t, t);

	d->buf[0]++;
}

static struct dev dev;

WEFT_TEST(free_while_disabled)
{
	dev.buf = kzalloc(sizeof(int), GFP_KERNEL);
	tasklet_setup(&dev.t, run_fn);
	tasklet_schedule(&dev.t);
	tasklet_disable(&dev.t);
	kfree(dev.buf);
	tasklet_enable(&dev.t);
	tasklet_kill(&dev.t);
}

/* The kernel's tasklet_disable spins until the tasklet is not running:
 * from the tasklet itself, for ever. */
static void self_fn(struct tasklet_struct *t)
{
	tasklet_disable(t);
	tasklet_enable(t);
}

WEFT_TEST(disable_in_own_tasklet)
{
	tasklet_setup(&dev.t, self_fn);
	tasklet_schedule(&dev.t);
	tasklet_kill(&dev.t);
}
