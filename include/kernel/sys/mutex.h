/* sys/mutex.h - weft's FreeBSD kernel header tree: maps <sys/mutex.h> onto
 * weft's models (see sys/weft_freebsd.h, which every header of the tree
 * includes). */
#ifndef WEFT_KERNEL_SYS_MUTEX_H
#define WEFT_KERNEL_SYS_MUTEX_H
#include <sys/weft_freebsd.h>
#endif
