// A KUnit suite with init/exit and test-managed memory: the fix of
// kunit_bug.c's counter_race (both increments under the lock).
//! expect: verified
#include <kunit/test.h>
#include <linux/kthread.h>
#include <linux/spinlock.h>
#include <linux/slab.h>

struct ctx {
	spinlock_t lock;
	int count;
};

static int inc_locked(void *arg)
{
	struct ctx *c = arg;

	spin_lock(&c->lock);
	c->count++;
	spin_unlock(&c->lock);
	return 0;
}

static int counter_init(struct kunit *test)
{
	struct ctx *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, c);
	spin_lock_init(&c->lock);
	test->priv = c;
	return 0;
}

static void counter_locked(struct kunit *test)
{
	struct ctx *c = test->priv;
	struct task_struct *t = kthread_create(inc_locked, c, "inc");
	get_task_struct(t);
	wake_up_process(t);

	int ran;

	inc_locked(c);
	/* A kthread stopped before it first ran never counted. */
	ran = kthread_stop(t) != -EINTR;
	put_task_struct(t);
	KUNIT_EXPECT_EQ(test, c->count, 1 + ran);
	KUNIT_ASSERT_TRUE(test, c->count > 0);
}

static struct kunit_case counter_cases[] = {
	KUNIT_CASE(counter_locked),
	{}
};

static struct kunit_suite counter_suite = {
	.name = "counter",
	.init = counter_init,
	.test_cases = counter_cases,
};
kunit_test_suites(&counter_suite);
