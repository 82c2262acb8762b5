/* sys/kernel.h - weft's FreeBSD kernel header tree: maps <sys/kernel.h> onto
 * weft's models (see sys/weft_freebsd.h, which every header of the tree
 * includes). */
#ifndef WEFT_KERNEL_SYS_KERNEL_H
#define WEFT_KERNEL_SYS_KERNEL_H
#include <sys/weft_freebsd.h>
#endif
