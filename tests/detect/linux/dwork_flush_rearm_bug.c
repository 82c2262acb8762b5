//! expect: bug use-after-free
//! args: --strategy=dfs
/* dwork_flush_rearm_ok's poller with the flag left set: the instance that
 * flush_delayed_work() waits for re-arms the delay, and the device is
 * freed with the delay armed (no cancel_delayed_work_sync); the work runs
 * on freed memory. */
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
	flush_delayed_work(&p->dw);
	kfree(p);
	msleep(20);
}
