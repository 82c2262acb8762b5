/* linux/weft/types.h - part of linux/weft_kernel.h, which includes its
 * parts in order (each may use the names of those before it); kernel
 * code never includes a part itself.  The kernel's short integer and
 * address type names (ulong, phys_addr_t, dma_addr_t ...) that neither
 * <weft/linux.h> nor the uapi types provide. */
#ifndef WEFT_KERNEL_LINUX_WEFT_TYPES_H
#define WEFT_KERNEL_LINUX_WEFT_TYPES_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

typedef unsigned long ulong;
typedef unsigned int uint;
typedef unsigned short ushort;
typedef unsigned char uchar;
typedef uint64_t phys_addr_t;
typedef uint64_t dma_addr_t;
typedef uint64_t resource_size_t;
typedef unsigned int fmode_t;
typedef unsigned long irq_hw_number_t;

#endif
