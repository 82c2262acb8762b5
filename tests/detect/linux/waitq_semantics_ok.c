//! expect: verified
//! args: --strategy=dfs
/* wait_event, wake_up, wake_up_all and wait_event_timeout keep their
 * documented guarantees in every interleaving. */
#include <weft/linux.h>

static DECLARE_WAIT_QUEUE_HEAD(wq);
static int flag, data;
static atomic_t woken = ATOMIC_INIT(0);

static void setter(void *arg)
{
	(void)arg;
	data = 42;
	smp_store_release(&flag, 1);
	wake_up(&wq);
}

/* What the waker did before setting the condition with a release is
 * visible to the waiter once the condition holds.  (With WRITE_ONCE it
 * is not, as memory-barriers.txt's section on sleep and wake-up says:
 * the waiter may see the condition without sleeping, and no barrier
 * orders the data; weft reports that race, once_order_bug.) */
WEFT_TEST(wait_event_sees_condition)
{
	weft_thread_t t = weft_spawn(setter, NULL);

	wait_event(wq, READ_ONCE(flag));
	weft_assert(data == 42);
	weft_join(t);
}

static void waiter(void *arg)
{
	(void)arg;
	wait_event(wq, READ_ONCE(flag));
	atomic_inc(&woken);
}

/* wake_up_all wakes every sleeper, and so does wake_up: wait_event
 * waiters are non-exclusive. */
WEFT_TEST(wake_up_all_wakes_every_waiter)
{
	weft_thread_t a = weft_spawn(waiter, NULL);
	weft_thread_t b = weft_spawn(waiter, NULL);

	WRITE_ONCE(flag, 1);
	wake_up_all(&wq);
	weft_join(a);
	weft_join(b);
	weft_assert(atomic_read(&woken) == 2);
}

WEFT_TEST(wake_up_wakes_every_waiter)
{
	weft_thread_t a = weft_spawn(waiter, NULL);
	weft_thread_t b = weft_spawn(waiter, NULL);

	WRITE_ONCE(flag, 1);
	wake_up(&wq);
	weft_join(a);
	weft_join(b);
	weft_assert(atomic_read(&woken) == 2);
}

/* With a timeout: either the condition was seen (the result is the time
 * left, at least 1) or the time ran out with it false (0). */
WEFT_TEST(timeout_or_condition)
{
	weft_thread_t t = weft_spawn(setter, NULL);
	long r = wait_event_timeout(wq, READ_ONCE(flag), msecs_to_jiffies(10));

	if (r)
		weft_assert(r >= 1 && r <= 10 && READ_ONCE(flag));
	weft_join(t);
}

/* Nobody wakes the queue: the wait returns 0 once the time is up. */
WEFT_TEST(timeout_expires)
{
	unsigned long start = jiffies;
	long r = wait_event_timeout(wq, READ_ONCE(flag), 5);

	weft_assert(r == 0);
	weft_assert(time_after_eq(jiffies, start + 5));
}

/* A condition that already holds returns at once: the whole timeout. */
WEFT_TEST(condition_already_true)
{
	WRITE_ONCE(flag, 1);
	weft_assert(wait_event_timeout(wq, READ_ONCE(flag), 7) == 7);
	weft_assert(wait_event_interruptible(wq, READ_ONCE(flag)) == 0);
}

/* An initialised queue on the heap works like a static one. */
struct dev {
	wait_queue_head_t wait;
	int ready;
};

static void dev_ready(void *arg)
{
	struct dev *d = arg;

	WRITE_ONCE(d->ready, 1);
	wake_up_interruptible(&d->wait);
}

WEFT_TEST(heap_queue_interruptible)
{
	struct dev *d = kzalloc(sizeof *d, GFP_KERNEL);
	weft_thread_t t;

	init_waitqueue_head(&d->wait);
	t = weft_spawn(dev_ready, d);
	/* 0 once woken with the flag set, or -ERESTARTSYS (-512) when a
	 * user's signal came to the test's thread first. */
	int r = wait_event_interruptible(d->wait, READ_ONCE(d->ready));
	weft_assert(r == 0 || r == -512);
	weft_join(t);
	kfree(d);
}
