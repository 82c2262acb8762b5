// Per-CPU statistics under a local_lock, which on a kernel without
// PREEMPT_RT disables preemption: the update takes the configuration
// mutex first and the local lock only around the counters.  The bug twin
// takes the mutex inside the local lock: "BUG: sleeping function called
// from invalid context", reported as misuse.
//! expect: verified
//! args: --strategy=dfs
#include <linux/kthread.h>
#include <linux/local_lock.h>
#include <linux/module.h>
#include <linux/mutex.h>

static DEFINE_MUTEX(cfg_lock);
static struct {
	local_lock_t lock;
	int hits;
	unsigned long flags_seen;
} stats = { .lock = INIT_LOCAL_LOCK(lock) };
static int cfg_gen;

static void account(void)
{
	unsigned long flags;

#ifdef LOCAL_LOCK_BUG
	local_lock(&stats.lock);
	mutex_lock(&cfg_lock);
	stats.hits += cfg_gen;
	mutex_unlock(&cfg_lock);
	local_unlock(&stats.lock);
#else
	int gen;

	mutex_lock(&cfg_lock);
	gen = cfg_gen;
	mutex_unlock(&cfg_lock);
	local_lock(&stats.lock);
	stats.hits += gen;
	local_unlock(&stats.lock);
#endif
	local_lock_irqsave(&stats.lock, flags);
	stats.flags_seen++;
	local_unlock_irqrestore(&stats.lock, flags);
}

static int reconfig(void *arg)
{
	(void)arg;
	mutex_lock(&cfg_lock);
	cfg_gen++;
	mutex_unlock(&cfg_lock);
	return 0;
}

WEFT_TEST(local_lock_accounting)
{
	struct task_struct *t = kthread_create(reconfig, NULL, "reconfig");
	get_task_struct(t);
	wake_up_process(t);

	account();
	kthread_stop(t);
	put_task_struct(t);
}
