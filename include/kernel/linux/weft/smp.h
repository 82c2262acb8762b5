/* linux/weft/smp.h - part of linux/weft_kernel.h, which includes its
 * parts in order (each may use the names of those before it); kernel
 * code never includes a part itself.  CPU identity is not modelled
 * (every weft thread is a CPU of its own), so smp_processor_id, get_cpu
 * and on_each_cpu are an #error at their use; the cpumask spellings
 * code only passes along compile. */
#ifndef WEFT_KERNEL_LINUX_WEFT_SMP_H
#define WEFT_KERNEL_LINUX_WEFT_SMP_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

/* weft's Linux models give threads no CPU identity (every thread is a CPU
 * of its own; add_timer_on ignores the CPU, and queue_work_on uses it
 * only to count a per-CPU workqueue's max_active). */
WEFT_KX_UNMODELLED("CPU identity (smp_processor_id, get_cpu, on_each_cpu)")
int weft_kx_cpu(void);
#define smp_processor_id() weft_kx_cpu()
#define raw_smp_processor_id() weft_kx_cpu()
#define get_cpu() weft_kx_cpu()
#define put_cpu() weft_kx_cpu()
#define on_each_cpu(fn, info, wait) weft_kx_cpu()
#define smp_call_function_single(cpu, fn, info, wait) weft_kx_cpu()
#define num_online_cpus() weft_kx_cpu()
#define num_possible_cpus() weft_kx_cpu()
#define for_each_possible_cpu(cpu) for ((cpu) = weft_kx_cpu(); 0;)
#define for_each_online_cpu(cpu) for ((cpu) = weft_kx_cpu(); 0;)
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
