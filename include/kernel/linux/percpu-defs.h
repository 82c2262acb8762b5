/* linux/percpu-defs.h - weft's kernel header tree: maps the kernel's <linux/percpu-defs.h>
 * onto weft's models (see linux/weft_kernel.h, which every header of the
 * tree includes, as the kernel's headers include one another). */
#ifndef WEFT_KERNEL_LINUX_PERCPU_DEFS_H
#define WEFT_KERNEL_LINUX_PERCPU_DEFS_H
#include <linux/weft_kernel.h>
#endif
