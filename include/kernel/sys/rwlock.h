/* sys/rwlock.h - weft's FreeBSD kernel header tree: maps <sys/rwlock.h> onto
 * weft's models (see sys/weft_freebsd.h, which every header of the tree
 * includes). */
#ifndef WEFT_KERNEL_SYS_RWLOCK_H
#define WEFT_KERNEL_SYS_RWLOCK_H
#include <sys/weft_freebsd.h>
#endif
