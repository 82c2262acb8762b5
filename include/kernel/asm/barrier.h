/* asm/barrier.h - weft's kernel header tree: the kernel's memory
 * barriers (smp_mb, smp_wmb, smp_rmb, smp_store_release, ...) onto weft's
 * models (see linux/weft_kernel.h, which every header of the tree
 * includes, as the kernel's headers include one another). */
#ifndef WEFT_KERNEL_ASM_BARRIER_H
#define WEFT_KERNEL_ASM_BARRIER_H
#include <linux/weft_kernel.h>
#endif
