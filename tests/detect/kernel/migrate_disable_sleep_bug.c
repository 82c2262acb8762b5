// Per-CPU compression scratch buffers, each guarded by its own mutex.  The
// user pins itself to its CPU with migrate_disable() (Linux 5.11+: the
// section stays preemptible and may sleep), picks this CPU's context and
// takes its mutex, which may sleep.  Buggy twin: no migrate_disable(), so
// smp_processor_id() is called from preemptible, migratable code
// (CONFIG_DEBUG_PREEMPT warns).
// weft made migrate_disable() a preempt_disable(): the fixed twin's
// mutex_lock and msleep were misuse (a probe's).
// unbalanced_enable: a migrate_enable() without its migrate_disable()
// (an error path that enables twice) is misuse, as the kernel warns.
//! expect(percpu_ctx_under_migrate_disable): bug misuse
//! expect(unbalanced_enable): bug misuse
#include <linux/percpu.h>
#include <linux/mutex.h>
#include <linux/smp.h>
#include <linux/preempt.h>
#include <linux/delay.h>

struct scratch {
	struct mutex lock;
	int buf[4];
};
static DEFINE_PER_CPU(struct scratch, scratch);

static void compress_one(void *arg)
{
	struct scratch *s;
	int cpu;
	(void)arg;
#ifdef FIXED
	migrate_disable();
#endif
	cpu = smp_processor_id();
	s = per_cpu_ptr(&scratch, cpu);
	mutex_lock(&s->lock);
	s->buf[0]++;
	msleep(1);		/* the compressor may sleep */
	mutex_unlock(&s->lock);
#ifdef FIXED
	migrate_enable();
#endif
}

WEFT_TEST(percpu_ctx_under_migrate_disable)
{
	int cpu;
	weft_thread_t t;

	for_each_possible_cpu(cpu)
		mutex_init(&per_cpu_ptr(&scratch, cpu)->lock);
	t = weft_spawn(compress_one, NULL);
	compress_one(NULL);
	weft_join(t);
}

WEFT_TEST(unbalanced_enable)
{
	int cpu;

	migrate_disable();
	cpu = smp_processor_id();
	migrate_enable();
#ifndef FIXED
	migrate_enable();
#endif
	(void)cpu;
}
