/* sys/sx.h - weft's FreeBSD kernel header tree: maps <sys/sx.h> onto
 * weft's models (see sys/weft_freebsd.h, which every header of the tree
 * includes). */
#ifndef WEFT_KERNEL_SYS_SX_H
#define WEFT_KERNEL_SYS_SX_H
#include <sys/weft_freebsd.h>
#endif
