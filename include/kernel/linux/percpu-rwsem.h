/* linux/percpu-rwsem.h - weft's kernel header tree: a per-CPU
 * rw-semaphore is an rw_semaphore of weft's model: readers share it, a
 * writer excludes them and waits for those inside, and a reader waits for
 * a writer that came first (as cpus_read_lock does, cpu_hotplug_lock
 * being one).  The kernel's writer also waits for an RCU grace period,
 * which orders nothing further that weft checks; its readers' fast path
 * (a per-CPU count) is not a separate path here. */
#ifndef WEFT_KERNEL_LINUX_PERCPU_RWSEM_H
#define WEFT_KERNEL_LINUX_PERCPU_RWSEM_H
#include <linux/weft_kernel.h>

#define percpu_rw_semaphore weft_klock
#define DEFINE_PERCPU_RWSEM(name)                                             \
	struct weft_klock name = WEFT_KLOCK_INIT(WEFT_KLOCK_RWSEM, #name)
#define DEFINE_STATIC_PERCPU_RWSEM(name) static DEFINE_PERCPU_RWSEM(name)
#define percpu_init_rwsem(s) (init_rwsem(s), 0)
#define percpu_free_rwsem(s) ((void)(s))
#define percpu_down_read(s) down_read(s)
#define percpu_down_read_trylock(s) down_read_trylock(s)
#define percpu_up_read(s) up_read(s)
#define percpu_down_write(s) down_write(s)
#define percpu_up_write(s) up_write(s)
#define percpu_rwsem_is_held(s) lockdep_is_held(s)
#define percpu_rwsem_assert_held(s) lockdep_assert_held(s)
#endif
