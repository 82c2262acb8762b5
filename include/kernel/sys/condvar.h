/* sys/condvar.h - weft's FreeBSD kernel header tree: maps <sys/condvar.h>
 * onto weft's models (see sys/weft_freebsd.h, which every header of the
 * tree includes). */
#ifndef WEFT_KERNEL_SYS_CONDVAR_H
#define WEFT_KERNEL_SYS_CONDVAR_H
#include <sys/weft_freebsd.h>
#endif
