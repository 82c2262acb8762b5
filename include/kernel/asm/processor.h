/* asm/processor.h - weft's kernel header tree: cpu_relax onto weft's
 * models (see linux/weft_kernel.h, which every header of the tree
 * includes, as the kernel's headers include one another). */
#ifndef WEFT_KERNEL_ASM_PROCESSOR_H
#define WEFT_KERNEL_ASM_PROCESSOR_H
#include <linux/weft_kernel.h>
#endif
