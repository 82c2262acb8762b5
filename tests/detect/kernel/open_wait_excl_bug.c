// Two consumers wait exclusively (prepare_to_wait_exclusive) and the
// producer wakes the queue once per item: a wake_up wakes one exclusive
// waiter.  Yet one consumer can sleep for ever with an item left: the
// first wake-up goes to consumer A, which has checked but not yet slept;
// B, prepared too, takes the item; A goes round and sleeps; the second
// wake-up goes to B, still on the queue in its sleeping state (it has not
// reached finish_wait), and A is never woken.  (try_to_wake_up succeeds
// on a task whose state matches, running or not; finish_wait passes no
// wake-up on.)  open_wait_excl_ok.c makes both items, then wakes all waiters.  main waits for
// both consumers before kthread_stop, whose wake-up would end any sleep.
//! expect: bug deadlock
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/wait.h>

static DECLARE_WAIT_QUEUE_HEAD(items_wq);
static atomic_t items = ATOMIC_INIT(0);
static DECLARE_COMPLETION(consumed);

static int consumer(void *arg)
{
	DEFINE_WAIT(wait);

	(void)arg;
	for (;;) {
		prepare_to_wait_exclusive(&items_wq, &wait,
					  TASK_UNINTERRUPTIBLE);
		if (atomic_add_unless(&items, -1, 0))
			break;
		schedule();
	}
	finish_wait(&items_wq, &wait);
	complete(&consumed);
	return 0;
}

static void produce(void)
{
	atomic_inc(&items);
}

WEFT_TEST(exclusive_consumers)
{
	struct task_struct *a = kthread_create(consumer, NULL, "consumer");
	get_task_struct(a);
	wake_up_process(a);
	struct task_struct *b = kthread_create(consumer, NULL, "consumer");
	get_task_struct(b);
	wake_up_process(b);

#ifdef OK
	produce();
	produce();
	wake_up_all(&items_wq);
#else
	produce();
	wake_up(&items_wq);
	produce();
	wake_up(&items_wq);
#endif
	wait_for_completion(&consumed);
	wait_for_completion(&consumed);
	kthread_stop(a);
	put_task_struct(a);
	kthread_stop(b);
	put_task_struct(b);
}
