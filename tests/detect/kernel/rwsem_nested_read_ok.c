// Fixed twin of rwsem_nested_read_bug: the helper asserts that its
// caller holds cfg_sem instead of taking it again.
//! expect: verified
//! args: --strategy=dfs
#include <linux/rwsem.h>
#include <linux/kthread.h>

static DECLARE_RWSEM(cfg_sem);
static int cfg_a, cfg_b;

static int cfg_get_b(void)
{
	lockdep_assert_held(&cfg_sem);
	return cfg_b;
}

static int writer(void *arg)
{
	(void)arg;
	down_write(&cfg_sem);
	cfg_a++;
	cfg_b++;
	up_write(&cfg_sem);
	return 0;
}

WEFT_TEST(nested_down_read)
{
	struct task_struct *t = kthread_create(writer, NULL, "writer");
	get_task_struct(t);
	wake_up_process(t);
	int sum;

	down_read(&cfg_sem);
	sum = cfg_a + cfg_get_b();
	up_read(&cfg_sem);
	(void)sum;
	kthread_stop(t);
	put_task_struct(t);
}
