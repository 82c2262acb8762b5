/* linux/cpumask.h - weft's kernel header tree: the kernel's
 * <linux/cpumask.h> over the CPUs of linux/weft/smp.h (src/linux/
 * ext_percpu.c): WEFT_NR_CPUS CPUs, every one possible, present and online
 * for the whole test (CPU hotplug is not modelled), so cpu_possible_mask,
 * cpu_online_mask and cpu_present_mask are one full mask.  The counts and
 * the for_each_possible_cpu family are in linux/weft/smp.h, which every
 * header of the tree includes.
 *
 * A cpumask of the program's is a bitmap of NR_CPUS bits, as in the
 * kernel: cpumask_set_cpu and cpumask_clear_cpu are the atomic set_bit
 * and clear_bit of weft's model (steps on the mask), the __ forms and the
 * rest plain accesses, which the race detector sees.  cpumask_var_t is
 * the kernel's type without CONFIG_CPUMASK_OFFSTACK: an array of one
 * mask, whose alloc_cpumask_var allocates nothing and always succeeds. */
#ifndef WEFT_KERNEL_LINUX_CPUMASK_H
#define WEFT_KERNEL_LINUX_CPUMASK_H
#include <linux/weft_kernel.h>

struct cpumask {
	unsigned long bits[(NR_CPUS + BITS_PER_LONG - 1) / BITS_PER_LONG];
};
typedef struct cpumask cpumask_t;
typedef struct cpumask cpumask_var_t[1];

#define nr_cpumask_bits nr_cpu_ids
#define cpumask_bits(maskp) ((maskp)->bits)
#define cpumask_pr_args(maskp) nr_cpu_ids, cpumask_bits(maskp)

/* The full mask, and a mask of each CPU (cpumask_of), made once per file
 * in read-only data, as the kernel's are shared constants.  The masks
 * are one word: up to 64 CPUs. */
#if NR_CPUS > 64
#error "weft: <linux/cpumask.h> supports at most 64 CPUs (WEFT_NR_CPUS)"
#endif
static const struct cpumask weft_kx_cpu_all_mask_ __attribute__((unused)) = {
	{ NR_CPUS == 64 ? ~0UL : (1UL << (NR_CPUS % 64)) - 1 }
};
#define cpu_possible_mask (&weft_kx_cpu_all_mask_)
#define cpu_online_mask (&weft_kx_cpu_all_mask_)
#define cpu_present_mask (&weft_kx_cpu_all_mask_)
#define cpu_active_mask (&weft_kx_cpu_all_mask_)
#define cpu_all_mask (&weft_kx_cpu_all_mask_)
#define WEFT_KX_ONE_(c) { { 1UL << (c) } }
#define WEFT_KX_ONE8_(c)                                                      \
	WEFT_KX_ONE_(c), WEFT_KX_ONE_(c + 1), WEFT_KX_ONE_(c + 2),             \
		WEFT_KX_ONE_(c + 3), WEFT_KX_ONE_(c + 4), WEFT_KX_ONE_(c + 5), \
		WEFT_KX_ONE_(c + 6), WEFT_KX_ONE_(c + 7)
static const struct cpumask weft_kx_cpu_one_mask_[64] __attribute__((unused)) = {
	WEFT_KX_ONE8_(0),  WEFT_KX_ONE8_(8),  WEFT_KX_ONE8_(16),
	WEFT_KX_ONE8_(24), WEFT_KX_ONE8_(32), WEFT_KX_ONE8_(40),
	WEFT_KX_ONE8_(48), WEFT_KX_ONE8_(56)
};
#undef WEFT_KX_ONE8_
#undef WEFT_KX_ONE_
/* A CPU that is not possible has an empty mask (the kernel's reads past
 * its table). */
static inline const struct cpumask *weft_kx_cpumask_of(unsigned int cpu)
{
	static const struct cpumask none;

	return cpu < NR_CPUS ? &weft_kx_cpu_one_mask_[cpu] : &none;
}
#define cpumask_of(cpu) weft_kx_cpumask_of(cpu)

#define cpumask_set_cpu(cpu, dstp) set_bit((cpu), cpumask_bits(dstp))
#define cpumask_clear_cpu(cpu, dstp) clear_bit((cpu), cpumask_bits(dstp))
#define __cpumask_set_cpu(cpu, dstp) __set_bit((cpu), cpumask_bits(dstp))
#define __cpumask_clear_cpu(cpu, dstp) __clear_bit((cpu), cpumask_bits(dstp))
static inline bool weft_kx_cpumask_test(unsigned int cpu,
					const struct cpumask *m)
{
	return cpu < NR_CPUS &&
	       (m->bits[cpu / BITS_PER_LONG] >> (cpu % BITS_PER_LONG)) & 1;
}
#define cpumask_test_cpu(cpu, m) weft_kx_cpumask_test((cpu), (m))
#define cpumask_first(m) ((unsigned int)find_first_bit(cpumask_bits(m), NR_CPUS))
#define cpumask_next(n, m)                                                    \
	((unsigned int)find_next_bit(cpumask_bits(m), NR_CPUS, (n) + 1))
#define cpumask_any(m) cpumask_first(m)
#define for_each_cpu(cpu, m)                                                  \
	for ((cpu) = cpumask_first(m); (cpu) < NR_CPUS;                       \
	     (cpu) = cpumask_next((cpu), (m)))
static inline unsigned int weft_kx_cpumask_weight(const struct cpumask *m)
{
	unsigned int n = 0;

	for (unsigned int i = 0; i < NR_CPUS; i++)
		n += weft_kx_cpumask_test(i, m);
	return n;
}
#define cpumask_weight(m) weft_kx_cpumask_weight(m)
#define cpumask_empty(m) (cpumask_weight(m) == 0)
#define cpumask_full(m) (cpumask_weight(m) == NR_CPUS)
#define cpumask_clear(m) memset((m), 0, sizeof(struct cpumask))
static inline void weft_kx_cpumask_setall(struct cpumask *m)
{
	memset(m, 0, sizeof *m);
	for (unsigned int i = 0; i < NR_CPUS; i++)
		m->bits[i / BITS_PER_LONG] |= 1UL << (i % BITS_PER_LONG);
}
#define cpumask_setall(m) weft_kx_cpumask_setall(m)
#define cpumask_copy(dst, src) memcpy((dst), (src), sizeof(struct cpumask))
#define cpumask_equal(a, b) (!memcmp((a), (b), sizeof(struct cpumask)))

#define alloc_cpumask_var(m, flags) ((void)(flags), (void)(m), true)
#define zalloc_cpumask_var(m, flags)                                          \
	((void)(flags), cpumask_clear(*(m)), true)
#define free_cpumask_var(m) ((void)(m))
#endif
