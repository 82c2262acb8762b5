/* linux/types.h - weft's kernel header tree.  System headers include the
 * uapi <linux/types.h> too, so the real one comes first (its __u32 and
 * friends are the same types), then weft's kernel names. */
#ifndef WEFT_KERNEL_LINUX_TYPES_H
#define WEFT_KERNEL_LINUX_TYPES_H
#include_next <linux/types.h>
#include <linux/weft_kernel.h>
#endif
