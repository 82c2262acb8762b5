/* linux/weft/percpu.h - part of linux/weft_kernel.h, which includes its
 * parts in order (each may use the names of those before it); kernel
 * code never includes a part itself.  Per-CPU variables of
 * <linux/percpu.h> and <linux/percpu-defs.h> over the CPUs of
 * linux/weft/smp.h (src/linux/ext_percpu.c).
 *
 * DEFINE_PER_CPU puts the variable, CPU 0's copy, in the section
 * weft_percpu; the other CPUs' copies start with its initial value, as
 * in the kernel.  Every access goes through per_cpu_ptr, which finds the
 * copy: the section's bounds come from the linker (__start_ and __stop_
 * symbols, hidden, so each object of the program passes its own).  The
 * copies are ordinary memory for the race detector, and the accesses
 * are the program's own (at its lines): the this_cpu_ operations, safe
 * from preemption in the kernel, are relaxed atomics on the caller's
 * copy (below); the __this_cpu_ and raw_cpu_ ones are plain accesses, as
 * an interrupt on the same CPU may cut them in the kernel, and a plain
 * access of a copy from another CPU (per_cpu(v, cpu)) races with them
 * unless something orders the two. */
#ifndef WEFT_KERNEL_LINUX_WEFT_PERCPU_H
#define WEFT_KERNEL_LINUX_WEFT_PERCPU_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

extern char __start_weft_percpu[] __attribute__((weak, visibility("hidden")));
extern char __stop_weft_percpu[] __attribute__((weak, visibility("hidden")));

#define __percpu
#define PERCPU_ENUM_SIZE(x) (x)
#define DEFINE_PER_CPU(type, name)                                            \
	__typeof__(type) name __attribute__((section("weft_percpu")))
#define DECLARE_PER_CPU(type, name) extern __typeof__(type) name
#define DEFINE_PER_CPU_ALIGNED(type, name) DEFINE_PER_CPU(type, name)
#define DECLARE_PER_CPU_ALIGNED(type, name) DECLARE_PER_CPU(type, name)
#define DEFINE_PER_CPU_SHARED_ALIGNED(type, name) DEFINE_PER_CPU(type, name)
#define DECLARE_PER_CPU_SHARED_ALIGNED(type, name) DECLARE_PER_CPU(type, name)
#define DEFINE_PER_CPU_READ_MOSTLY(type, name) DEFINE_PER_CPU(type, name)
#define DECLARE_PER_CPU_READ_MOSTLY(type, name) DECLARE_PER_CPU(type, name)
#define DEFINE_PER_CPU_PAGE_ALIGNED(type, name) DEFINE_PER_CPU(type, name)
#define DECLARE_PER_CPU_PAGE_ALIGNED(type, name) DECLARE_PER_CPU(type, name)
#define EXPORT_PER_CPU_SYMBOL(var)
#define EXPORT_PER_CPU_SYMBOL_GPL(var)

/* CPU cpu's copy of the per-CPU object at ptr. */
#define per_cpu_ptr(ptr, cpu)                                                 \
	((__typeof__(ptr))weft_kx_pcpu_ptr((ptr), (cpu), __start_weft_percpu,  \
					   __stop_weft_percpu, WEFT_NR_CPUS,   \
					   WEFT_HERE))
#define per_cpu(var, cpu) (*per_cpu_ptr(&(var), (cpu)))
/* The caller's copy: raw_ without the preemption check, this_ with it
 * (the kernel's this_cpu_ptr asks smp_processor_id() under
 * CONFIG_DEBUG_PREEMPT). */
#define weft_kx_this_ptr(ptr, check, what)                                    \
	((__typeof__(ptr))weft_kx_pcpu_ptr(                                   \
		(ptr), weft_kx_cpu_id((check), (what), WEFT_NR_CPUS, WEFT_HERE), \
		__start_weft_percpu, __stop_weft_percpu, WEFT_NR_CPUS,        \
		WEFT_HERE))
#define raw_cpu_ptr(ptr) weft_kx_this_ptr((ptr), 0, "raw_cpu_ptr")
#define this_cpu_ptr(ptr) weft_kx_this_ptr((ptr), 1, "this_cpu_ptr()")
#define get_cpu_ptr(ptr) (preempt_disable(), this_cpu_ptr(ptr))
#define put_cpu_ptr(ptr) ((void)(ptr), preempt_enable())
#define get_cpu_var(var) (*(preempt_disable(), this_cpu_ptr(&(var))))
#define put_cpu_var(var) ((void)&(var), preempt_enable())

/* The operations on the caller's copy of a per-CPU variable. */
#define weft_kx_pcpu_xchg(p, nval)                                            \
	(__extension__({                                                      \
		__typeof__(p) weft_p_ = (p);                                  \
		__typeof__(*weft_p_) weft_old_ = *weft_p_;                    \
		*weft_p_ = (nval);                                            \
		weft_old_;                                                    \
	}))
#define weft_kx_pcpu_cmpxchg(p, oval, nval)                                   \
	(__extension__({                                                      \
		__typeof__(p) weft_p_ = (p);                                  \
		__typeof__(*weft_p_) weft_old_ = *weft_p_;                    \
		if (weft_old_ == (oval))                                      \
			*weft_p_ = (nval);                                    \
		weft_old_;                                                    \
	}))
#define raw_cpu_read(pcp) (*raw_cpu_ptr(&(pcp)))
#define raw_cpu_write(pcp, v) ((void)(*raw_cpu_ptr(&(pcp)) = (v)))
#define raw_cpu_add(pcp, v) ((void)(*raw_cpu_ptr(&(pcp)) += (v)))
#define raw_cpu_add_return(pcp, v) (*raw_cpu_ptr(&(pcp)) += (v))
#define raw_cpu_xchg(pcp, v) weft_kx_pcpu_xchg(raw_cpu_ptr(&(pcp)), (v))
#define raw_cpu_cmpxchg(pcp, o, n)                                            \
	weft_kx_pcpu_cmpxchg(raw_cpu_ptr(&(pcp)), (o), (n))
/* this_cpu_ operations are safe anywhere (one instruction, or with
 * interrupts off, in the kernel): no preemption check, and each is
 * atomic against every other access of the copy on its CPU.  Here they
 * are relaxed atomics: threads that share a CPU (two works queued on
 * it, a kthread bound to the CPU a caller got) do not lose each other's
 * updates, which as plain accesses was a false lost update and a false
 * data race (a helper's review); a remote READ_ONCE(per_cpu(v, cpu))
 * against them is no race either, as KCSAN says of the kernel's. */
#define this_cpu_read(pcp) __atomic_load_n(raw_cpu_ptr(&(pcp)), __ATOMIC_RELAXED)
#define this_cpu_write(pcp, v)                                                	__atomic_store_n(raw_cpu_ptr(&(pcp)), (v), __ATOMIC_RELAXED)
#define this_cpu_add(pcp, v)                                                  	((void)__atomic_fetch_add(raw_cpu_ptr(&(pcp)), (v), __ATOMIC_RELAXED))
#define this_cpu_add_return(pcp, v)                                           	__atomic_add_fetch(raw_cpu_ptr(&(pcp)), (v), __ATOMIC_RELAXED)
#define this_cpu_xchg(pcp, v)                                                 	__atomic_exchange_n(raw_cpu_ptr(&(pcp)), (v), __ATOMIC_RELAXED)
#define this_cpu_cmpxchg(pcp, o, n)                                           	(__extension__({                                                      		__typeof__(&(pcp)) weft_p_ = raw_cpu_ptr(&(pcp));             		__typeof__(pcp) weft_o_ = (o);                                		__atomic_compare_exchange_n(weft_p_, &weft_o_, (n), 0,        					    __ATOMIC_RELAXED,                 					    __ATOMIC_RELAXED);                		weft_o_;                                                      	}))
/* __this_cpu_ operations expect preemption off and check it. */
#define __this_cpu_read(pcp) (*this_cpu_ptr(&(pcp)))
#define __this_cpu_write(pcp, v) ((void)(*this_cpu_ptr(&(pcp)) = (v)))
#define __this_cpu_add(pcp, v) ((void)(*this_cpu_ptr(&(pcp)) += (v)))
#define __this_cpu_add_return(pcp, v) (*this_cpu_ptr(&(pcp)) += (v))
#define __this_cpu_xchg(pcp, v) weft_kx_pcpu_xchg(this_cpu_ptr(&(pcp)), (v))
#define __this_cpu_cmpxchg(pcp, o, n)                                         \
	weft_kx_pcpu_cmpxchg(this_cpu_ptr(&(pcp)), (o), (n))
#define raw_cpu_sub(pcp, v) raw_cpu_add(pcp, -(v))
#define raw_cpu_inc(pcp) raw_cpu_add(pcp, 1)
#define raw_cpu_dec(pcp) raw_cpu_sub(pcp, 1)
#define raw_cpu_sub_return(pcp, v) raw_cpu_add_return(pcp, -(v))
#define raw_cpu_inc_return(pcp) raw_cpu_add_return(pcp, 1)
#define raw_cpu_dec_return(pcp) raw_cpu_add_return(pcp, -1)
#define this_cpu_sub(pcp, v) this_cpu_add(pcp, -(v))
#define this_cpu_inc(pcp) this_cpu_add(pcp, 1)
#define this_cpu_dec(pcp) this_cpu_sub(pcp, 1)
#define this_cpu_sub_return(pcp, v) this_cpu_add_return(pcp, -(v))
#define this_cpu_inc_return(pcp) this_cpu_add_return(pcp, 1)
#define this_cpu_dec_return(pcp) this_cpu_add_return(pcp, -1)
#define __this_cpu_sub(pcp, v) __this_cpu_add(pcp, -(v))
#define __this_cpu_inc(pcp) __this_cpu_add(pcp, 1)
#define __this_cpu_dec(pcp) __this_cpu_sub(pcp, 1)
#define __this_cpu_sub_return(pcp, v) __this_cpu_add_return(pcp, -(v))
#define __this_cpu_inc_return(pcp) __this_cpu_add_return(pcp, 1)
#define __this_cpu_dec_return(pcp) __this_cpu_add_return(pcp, -1)

/* Dynamic per-CPU memory: one tracked block with every CPU's copy
 * (zeroed, as the kernel's); a leak when never freed. */
#define alloc_percpu(type)                                                    \
	((__typeof__(type) *)weft_kx_alloc_percpu(                            \
		sizeof(type), __alignof__(type), WEFT_NR_CPUS, WEFT_HERE))
#define alloc_percpu_gfp(type, gfp) ((void)(gfp), alloc_percpu(type))
#define __alloc_percpu(size, align)                                           \
	weft_kx_alloc_percpu((size), (align), WEFT_NR_CPUS, WEFT_HERE)
#define __alloc_percpu_gfp(size, align, gfp)                                  \
	((void)(gfp), __alloc_percpu((size), (align)))
#define free_percpu(p) weft_kx_free_percpu((void *)(p), WEFT_HERE)

#endif
