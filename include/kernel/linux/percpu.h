/* linux/percpu.h - weft's kernel header tree: maps the kernel's <linux/percpu.h>
 * onto weft's models (see linux/weft_kernel.h, which every header of the
 * tree includes, as the kernel's headers include one another). */
#ifndef WEFT_KERNEL_LINUX_PERCPU_H
#define WEFT_KERNEL_LINUX_PERCPU_H
#include <linux/weft_kernel.h>
#endif
