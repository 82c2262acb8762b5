// A KUnit suite, unchanged, run by weft: each KUNIT_CASE is a weft test.
// counter_race increments without the lock in one thread: an update is
// lost and its KUNIT_EXPECT_EQ fails.
//! expect(counter_race): bug assertion
//! expect(counter_atomic): verified
#include <kunit/test.h>
#include <linux/kthread.h>
#include <linux/atomic.h>
#include <linux/spinlock.h>

static DEFINE_SPINLOCK(count_lock);
static int count;
static atomic_t acount;

static int inc_unlocked(void *arg)
{
	(void)arg;
	count++;
	return 0;
}

static void counter_race(struct kunit *test)
{
	struct task_struct *t = kthread_create(inc_unlocked, NULL, "inc");
	get_task_struct(t);
	wake_up_process(t);

	int ran;

	spin_lock(&count_lock);
	count++;
	spin_unlock(&count_lock);
	/* A kthread stopped before it first ran never counted. */
	ran = kthread_stop(t) != -EINTR;
	put_task_struct(t);
	KUNIT_EXPECT_EQ(test, count, 1 + ran);
}

static int inc_atomic(void *arg)
{
	(void)arg;
	atomic_inc(&acount);
	return 0;
}

static void counter_atomic(struct kunit *test)
{
	struct task_struct *t = kthread_create(inc_atomic, NULL, "inc");
	get_task_struct(t);
	wake_up_process(t);

	int ran;

	atomic_inc(&acount);
	ran = kthread_stop(t) != -EINTR;
	put_task_struct(t);
	KUNIT_EXPECT_EQ(test, atomic_read(&acount), 1 + ran);
}

static struct kunit_case counter_cases[] = {
	KUNIT_CASE(counter_race),
	KUNIT_CASE(counter_atomic),
	{}
};

static struct kunit_suite counter_suite = {
	.name = "counter",
	.test_cases = counter_cases,
};
kunit_test_suite(counter_suite);
