/* linux/rculist_nulls.h - weft's kernel header tree: maps the kernel's
 * <linux/rculist_nulls.h> onto weft's models (see linux/weft_kernel.h, which
 * every header of the tree includes, as the kernel's headers include one
 * another). */
#ifndef WEFT_KERNEL_LINUX_RCULIST_NULLS_H
#define WEFT_KERNEL_LINUX_RCULIST_NULLS_H
#include <linux/weft_kernel.h>
#endif
