//! expect: verified
//! args: --strategy=dfs
/* A poller that re-queues itself while the device is up.  Teardown clears
 * the flag, flushes and cancels.  flush_delayed_work() can find the work
 * running: the instance it then waits for re-arms the delay before it
 * ends, and flush_work() (which flush_delayed_work() ends with) does not
 * wait for an armed delay in the kernel, only for the running instance.
 * weft waited for the armed delay too, and reported a deadlock. */
#include <weft/linux.h>

struct poller {
	struct delayed_work dw;
	bool up;
	int polls;
};

static void poll_fn(struct work_struct *w)
{
	struct poller *p = container_of(to_delayed_work(w), struct poller, dw);

	p->polls++;
	if (READ_ONCE(p->up))
		schedule_delayed_work(&p->dw, 10);
}

WEFT_TEST(flush_rearming_poller)
{
	struct poller *p = kzalloc(sizeof(*p), GFP_KERNEL);

	INIT_DELAYED_WORK(&p->dw, poll_fn);
	WRITE_ONCE(p->up, true);
	schedule_delayed_work(&p->dw, 10);
	msleep(15);
	WRITE_ONCE(p->up, false);
	flush_delayed_work(&p->dw);
	cancel_delayed_work_sync(&p->dw);
	kfree(p);
}
