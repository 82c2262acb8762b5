// A per-CPU rw-semaphore guarding a configuration that readers use often
// and a writer rarely changes, as cgroup_threadgroup_rwsem does.  The
// bug: the writer updates under a mutex that a reader takes inside its
// read section, in the other order: a reader waits for the mutex, the
// writer holding it waits for the reader to leave.  The fix takes the
// mutex outside the read section.  <linux/percpu-rwsem.h> did not exist
// (a probe of driver patterns).
//! expect: bug deadlock
#include <linux/mutex.h>
#include <linux/percpu-rwsem.h>

DEFINE_STATIC_PERCPU_RWSEM(cfg_rwsem);
static DEFINE_MUTEX(stats_mutex);
static int cfg, stats;

static void reader(void *arg)
{
	(void)arg;
#ifdef OK
	int seen;

	percpu_down_read(&cfg_rwsem);
	seen = cfg;
	percpu_up_read(&cfg_rwsem);
	mutex_lock(&stats_mutex);
	stats += seen;
	mutex_unlock(&stats_mutex);
#else
	percpu_down_read(&cfg_rwsem);
	mutex_lock(&stats_mutex);
	stats += cfg;
	mutex_unlock(&stats_mutex);
	percpu_up_read(&cfg_rwsem);
#endif
}

WEFT_TEST(update_config)
{
	weft_thread_t r = weft_spawn(reader, NULL);

	mutex_lock(&stats_mutex);
	percpu_down_write(&cfg_rwsem);
	cfg++;
	stats = 0;
	percpu_up_write(&cfg_rwsem);
	mutex_unlock(&stats_mutex);
	weft_join(r);
}
