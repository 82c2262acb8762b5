// Two kthreads take turns at a busy flag: each waits on a wait queue
// until it can take the flag, then clears it and wakes the queue for the
// other.  The kthread that wakes the queue also waited on it earlier;
// weft took the wake-up for an event the kthread's own end stands for
// and drew a lock-order cycle (kthread -> queue -> kthread) on this
// correct code.  kthread_wake_peer_bug wakes before clearing the flag.
//! expect: verified
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
#ifdef WAKE_EARLY
	wake_up(&turn_wq);
#endif
	spin_lock(&turn_lock);
	busy = 0;
	spin_unlock(&turn_lock);
#ifndef WAKE_EARLY
	wake_up(&turn_wq);
#endif
	return 0;
}

WEFT_TEST(peers_take_turns)
{
	struct task_struct *a = kthread_create(bump, NULL, "bump-a");
	get_task_struct(a);
	wake_up_process(a);
	struct task_struct *b = kthread_create(bump, NULL, "bump-b");
	get_task_struct(b);
	wake_up_process(b);

	/* A kthread stopped before it first ran never bumped. */
	int ran = (kthread_stop(a) != -EINTR) + (kthread_stop(b) != -EINTR);

	put_task_struct(a);
	put_task_struct(b);

	WARN_ON(count != ran);
}
