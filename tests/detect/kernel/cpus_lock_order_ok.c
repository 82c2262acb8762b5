// A driver's teardown holds cpu_hotplug_lock for reading (cpus_read_lock)
// and takes its own mutex inside; the CPU-hotplug path takes the hotplug
// lock for writing (cpus_write_lock, as cpu_up and cpu_down do) before it
// calls into the driver, which takes the mutex.  One order: verified.
// The bug twin's hotplug path takes the driver's mutex first, then the
// hotplug lock: the ABBA with cpu_hotplug_lock that lockdep reports, which
// deadlocks when the writer comes between the reader's two locks.
//! expect: verified
//! args: --strategy=dfs
#include <linux/cpu.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/mutex.h>

static DEFINE_MUTEX(drv_lock);
static int *drv_online;	/* kvzalloc'd, as <linux/mm.h> declares it */

static int cpuhp_thread(void *arg)
{
	(void)arg;
#ifdef CPUS_LOCK_BUG
	mutex_lock(&drv_lock);
	cpus_write_lock();
#else
	cpus_write_lock();
	mutex_lock(&drv_lock);
#endif
	(*drv_online)++;
	mutex_unlock(&drv_lock);
	cpus_write_unlock();
	return 0;
}

static void drv_teardown(void)
{
	cpus_read_lock();
	lockdep_assert_cpus_held();
	mutex_lock(&drv_lock);
	(*drv_online)--;
	mutex_unlock(&drv_lock);
	cpus_read_unlock();
}

WEFT_TEST(hotplug_vs_teardown)
{
	struct task_struct *t;

	drv_online = kvzalloc(sizeof *drv_online, GFP_KERNEL);
	t = kthread_create(cpuhp_thread, NULL, "cpuhp/0");
	get_task_struct(t);
	wake_up_process(t);
	drv_teardown();
	kthread_stop(t);
	put_task_struct(t);
	kvfree(drv_online);
}
