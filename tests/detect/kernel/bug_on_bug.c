// BUG_ON is a crash (an oops), WARN_ON a reported finding.  The task is
// held (get_task_struct) so that kthread_stop of a setter that already
// returned is no use after free, which the search found first once the
// spawner went on after the kthread's start.
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
	struct task_struct *t = kthread_create(setter, NULL, "setter");

	get_task_struct(t);
	wake_up_process(t);
	BUG_ON(READ_ONCE(state) == 1);
	kthread_stop(t);
	put_task_struct(t);
}

WEFT_TEST(warn_on)
{
	struct task_struct *t = kthread_create(setter, NULL, "setter");

	get_task_struct(t);
	wake_up_process(t);
	WARN_ON_ONCE(READ_ONCE(state) == 1);
	kthread_stop(t);
	put_task_struct(t);
}
