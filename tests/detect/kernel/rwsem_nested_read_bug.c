// A config reader takes cfg_sem for reading and a helper takes it for
// reading again.  A writer queued in between blocks the nested down_read()
// (no reader passes a waiting writer) while waiting for the first hold:
// lockdep reports "possible recursive locking" in every run, and so does
// weft (a lock-order finding), whether or not the writer came in between.
//! expect: bug lock-order
//! args: --strategy=dfs
#include <linux/module.h>
#include <linux/rwsem.h>
#include <linux/kthread.h>

static DECLARE_RWSEM(cfg_sem);
static int cfg_a, cfg_b;

static int cfg_get_b(void)
{
	int v;

	down_read(&cfg_sem);
	v = cfg_b;
	up_read(&cfg_sem);
	return v;
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
