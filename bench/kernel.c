/* bench/kernel.c - the kernel-model benchmark workload of issue 3: two
 * workqueues (one ordered), a delayed work, a timer and three threads of
 * the test's own (the test thread and two it spawns), besides the worker
 * and ksoftirqd threads the models start.  A driver-like shape: one
 * thread kicks a stats work and arms a watchdog timer whose callback
 * queues the stats work again; the other queues a reset work and a
 * delayed poll on the ordered queue; the test thread tears everything
 * down and checks the counts.  bench/kernel.sh times it under the random
 * strategy and reports executions per second. */
#include <weft/linux.h>

static struct workqueue_struct *stats_wq, *reset_wq;
static struct work_struct stats_work, reset_work;
static struct delayed_work poll_work;
static struct timer_list watchdog;
static DEFINE_MUTEX(dev_mutex);
static DEFINE_SPINLOCK(stats_lock);
static atomic_t polls = ATOMIC_INIT(0);
static int stats, resets;

static void stats_fn(struct work_struct *w)
{
	(void)w;
	spin_lock(&stats_lock);
	stats++;
	spin_unlock(&stats_lock);
}

static void reset_fn(struct work_struct *w)
{
	(void)w;
	mutex_lock(&dev_mutex);
	resets++;
	mutex_unlock(&dev_mutex);
}

static void poll_fn(struct work_struct *w)
{
	(void)w;
	atomic_inc(&polls);
}

static void watchdog_fn(struct timer_list *t)
{
	(void)t;
	queue_work(stats_wq, &stats_work);
}

static void kicker(void *arg)
{
	(void)arg;
	queue_work(stats_wq, &stats_work);
	mod_timer(&watchdog, jiffies + 3);
}

static void resetter(void *arg)
{
	(void)arg;
	queue_delayed_work(reset_wq, &poll_work, 5);
	queue_work(reset_wq, &reset_work);
}

WEFT_TEST(two_wqs_dwork_timer_three_threads)
{
	weft_thread_t a, b;

	stats_wq = alloc_workqueue("stats_wq", 0, 1);
	reset_wq = alloc_ordered_workqueue("reset_wq", 0);
	INIT_WORK(&stats_work, stats_fn);
	INIT_WORK(&reset_work, reset_fn);
	INIT_DELAYED_WORK(&poll_work, poll_fn);
	timer_setup(&watchdog, watchdog_fn, 0);

	a = weft_spawn(kicker, NULL);
	b = weft_spawn(resetter, NULL);
	weft_join(a);
	weft_join(b);

	/* Teardown in the kernel's order: stop the sources, then drain. */
	del_timer_sync(&watchdog);
	cancel_delayed_work_sync(&poll_work);
	flush_workqueue(stats_wq);
	flush_workqueue(reset_wq);
	mutex_lock(&dev_mutex);
	weft_assert(resets == 1);
	mutex_unlock(&dev_mutex);
	spin_lock(&stats_lock);
	weft_assert(stats >= 1 && stats <= 2);
	spin_unlock(&stats_lock);
	weft_assert(atomic_read(&polls) <= 1);
	destroy_workqueue(stats_wq);
	destroy_workqueue(reset_wq);
}
