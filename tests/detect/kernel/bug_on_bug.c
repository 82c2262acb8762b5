// BUG_ON is a crash (an oops), WARN_ON a reported finding.
//! expect(bug_on): bug crash
//! expect(warn_on): bug assertion
#include <linux/bug.h>
#include <linux/kthread.h>

static int state;

static int setter(void *arg)
{
	(void)arg;
	WRITE_ONCE(state, 1);
	return 0;
}

WEFT_TEST(bug_on)
{
	struct task_struct *t = kthread_run(setter, NULL, "setter");

	BUG_ON(READ_ONCE(state) == 1);
	kthread_stop(t);
}

WEFT_TEST(warn_on)
{
	struct task_struct *t = kthread_run(setter, NULL, "setter");

	WARN_ON_ONCE(READ_ONCE(state) == 1);
	kthread_stop(t);
}
