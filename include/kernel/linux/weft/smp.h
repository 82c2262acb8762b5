/* linux/weft/smp.h - part of linux/weft_kernel.h, which includes its
 * parts in order (each may use the names of those before it); kernel
 * code never includes a part itself.  CPU identity (src/linux/
 * ext_percpu.c): WEFT_NR_CPUS CPUs, all possible and online, and each
 * thread on a CPU of its own; asking for it in preemptible code is
 * misuse.  Cross-CPU calls (on_each_cpu) are not modelled. */
#ifndef WEFT_KERNEL_LINUX_WEFT_SMP_H
#define WEFT_KERNEL_LINUX_WEFT_SMP_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

/* The CPUs: a thread asks for its CPU (smp_processor_id, this_cpu_ptr
 * ...) and gets one of its own, numbered from 0 in the order of the
 * first asks, up to WEFT_NR_CPUS (<linux/weft_ext.h>; more is an unsupported limit: build
 * every file with -DWEFT_NR_CPUS=N).  A per-CPU worker running a work
 * queued for a CPU, or a kthread bound to one, runs there. */
#define NR_CPUS WEFT_NR_CPUS
#define nr_cpu_ids ((unsigned int)WEFT_NR_CPUS)
#define num_possible_cpus() ((unsigned int)WEFT_NR_CPUS)
#define num_online_cpus() ((unsigned int)WEFT_NR_CPUS)
#define num_present_cpus() ((unsigned int)WEFT_NR_CPUS)
#define cpu_possible(cpu) ((unsigned int)(cpu) < (unsigned int)WEFT_NR_CPUS)
#define cpu_online(cpu) cpu_possible(cpu)
#define cpu_present(cpu) cpu_possible(cpu)
#define for_each_possible_cpu(cpu)                                            \
	for ((cpu) = 0; (cpu) < WEFT_NR_CPUS; (cpu)++)
#define for_each_online_cpu(cpu) for_each_possible_cpu(cpu)
#define for_each_present_cpu(cpu) for_each_possible_cpu(cpu)
#define smp_processor_id()                                                    \
	weft_kx_cpu_id(1, "smp_processor_id()", WEFT_NR_CPUS, WEFT_HERE)
#define raw_smp_processor_id()                                                \
	weft_kx_cpu_id(0, "raw_smp_processor_id()", WEFT_NR_CPUS, WEFT_HERE)
#define get_cpu()                                                             \
	(preempt_disable(),                                                   \
	 weft_kx_cpu_id(1, "get_cpu()", WEFT_NR_CPUS, WEFT_HERE))
#define put_cpu() preempt_enable()

/* A call on other CPUs runs on them, interrupting what runs there:
 * not modelled. */
WEFT_KX_UNMODELLED("cross-CPU calls (on_each_cpu, smp_call_function)")
int weft_kx_cpu_call(void);
#define on_each_cpu(fn, info, wait) weft_kx_cpu_call()
#define smp_call_function(fn, info, wait) weft_kx_cpu_call()
#define smp_call_function_single(cpu, fn, info, wait) weft_kx_cpu_call()
#define smp_call_function_many(mask, fn, info, wait) weft_kx_cpu_call()
#define smp_store_mb(var, value)                                              \
	do {                                                                  \
		WRITE_ONCE(var, value);                                       \
		smp_mb();                                                     \
	} while (0)
#define smp_mb__after_spinlock() smp_mb()
#define smp_mb__before_spinlock() smp_mb()
#define smp_mb__after_unlock_lock() smp_mb()
#define smp_acquire__after_ctrl_dep() smp_rmb()
#define dma_rmb() rmb()
#define dma_wmb() wmb()
#define smp_cond_load_relaxed(ptr, cond_expr)                                 \
	(__extension__({                                                      \
		__typeof__(ptr) weft_p_ = (ptr);                              \
		__typeof__(*(ptr)) VAL;                                       \
		for (;;) {                                                    \
			VAL = READ_ONCE(*weft_p_);                            \
			if (cond_expr)                                        \
				break;                                        \
			cpu_relax();                                          \
		}                                                             \
		VAL;                                                          \
	}))
#define smp_cond_load_acquire(ptr, cond_expr) smp_cond_load_relaxed(ptr, cond_expr)

#endif
