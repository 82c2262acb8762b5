// Two readers of a device's receive ring sleep in
// wait_event_interruptible_exclusive (as a char driver's read does, so
// one packet wakes one reader); the receive path puts two packets on
// the ring and wakes the queue once per packet.  Every reader gets one:
// verified.  The bug twin wakes the queue once for both packets:
// wake_up wakes only the first exclusive waiter, and a reader that was
// already asleep sleeps on with a packet waiting (the lost wake-up that
// wake_up_all, or one wake_up per packet, avoids).
//! expect: verified
//! args: --strategy=dfs
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/wait.h>

static DECLARE_WAIT_QUEUE_HEAD(rx_wait);
static DEFINE_SPINLOCK(rx_lock);
static int rx_queued;
static struct completion got[2];

static int rx_take(void)
{
	int took = 0;

	spin_lock(&rx_lock);
	if (rx_queued > 0) {
		rx_queued--;
		took = 1;
	}
	spin_unlock(&rx_lock);
	return took;
}

static int rx_pending(void)
{
	int n;

	spin_lock(&rx_lock);
	n = rx_queued;
	spin_unlock(&rx_lock);
	return n;
}

static int reader(void *arg)
{
	long me = (long)arg;

	for (;;) {
		if (wait_event_interruptible_exclusive(rx_wait, rx_pending() > 0))
			break;
		if (rx_take())
			break;
	}
	complete(&got[me]);
	return 0;
}

static void rx_packet(void)
{
	spin_lock(&rx_lock);
	rx_queued++;
	spin_unlock(&rx_lock);
}

WEFT_TEST(two_readers_two_packets)
{
	struct task_struct *r0, *r1;

	init_completion(&got[0]);
	init_completion(&got[1]);
	r0 = kthread_create(reader, (void *)0L, "reader0");
	get_task_struct(r0);
	wake_up_process(r0);
	r1 = kthread_create(reader, (void *)1L, "reader1");
	get_task_struct(r1);
	wake_up_process(r1);
#ifdef WAIT_EXCLUSIVE_BUG
	rx_packet();
	rx_packet();
	wake_up(&rx_wait);
#else
	rx_packet();
	wake_up(&rx_wait);
	rx_packet();
	wake_up(&rx_wait);
#endif
	wait_for_completion(&got[0]);
	wait_for_completion(&got[1]);
	kthread_stop(r0);
	put_task_struct(r0);
	kthread_stop(r1);
	put_task_struct(r1);
}
