// kthread_wake_peer_ok with the wake-up sent before the flag is
// cleared: the other kthread, woken, still finds it busy and sleeps
// again; nobody wakes it, and kthread_stop waits for ever.
//! expect: bug deadlock
#include <linux/kthread.h>
#include <linux/spinlock.h>
#include <linux/wait.h>

static DECLARE_WAIT_QUEUE_HEAD(turn_wq);
static DEFINE_SPINLOCK(turn_lock);
static int busy, count;

static int take(void)
{
	int got = 0;

	spin_lock(&turn_lock);
	if (!busy) {
		busy = 1;
		got = 1;
	}
	spin_unlock(&turn_lock);
	return got;
}

static int bump(void *arg)
{
	(void)arg;
	wait_event(turn_wq, take());
	count++;
	wake_up(&turn_wq);
	spin_lock(&turn_lock);
	busy = 0;
	spin_unlock(&turn_lock);
	return 0;
}

WEFT_TEST(peers_take_turns)
{
	struct task_struct *a = kthread_run(bump, NULL, "bump-a");
	struct task_struct *b = kthread_run(bump, NULL, "bump-b");

	kthread_stop(a);
	kthread_stop(b);
	WARN_ON(count != 2);
}
