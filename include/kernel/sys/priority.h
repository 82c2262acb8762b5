/* sys/priority.h - weft's FreeBSD kernel header tree: the thread
 * priorities, for the calls that take one (taskqueue_start_threads,
 * msleep).  weft does not model priorities (a taskqueue's threads and a
 * sleeper run whenever the explorer picks them), so the values only need
 * to compile and to differ; the interrupt-thread ones follow FreeBSD 12's
 * order.  The sleep priorities (PRIBIO, PZERO, PWAIT, ...) are
 * <sys/param.h>'s in this tree. */
#ifndef WEFT_KERNEL_SYS_PRIORITY_H
#define WEFT_KERNEL_SYS_PRIORITY_H

#include <sys/weft_freebsd.h>

#define PRI_MIN 0
#define PRI_MAX 255
#define PRI_MIN_ITHD PRI_MIN
#define PRI_MAX_ITHD (PRI_MIN_REALTIME - 1)
#define PI_REALTIME (PRI_MIN_ITHD + 0)
#define PI_AV (PRI_MIN_ITHD + 4)
#define PI_NET (PRI_MIN_ITHD + 8)
#define PI_DISK (PRI_MIN_ITHD + 12)
#define PI_TTY (PRI_MIN_ITHD + 16)
#define PI_DULL (PRI_MIN_ITHD + 20)
#define PI_INTR PI_AV
#define PI_SOFT (PRI_MIN_ITHD + 24)
#define PI_SOFTCLOCK PI_SOFT
#define PI_SWI(x) (PI_SOFT + (x) * 4)
#define PRI_MIN_REALTIME 48
#define PRI_MAX_REALTIME (PRI_MIN_KERN - 1)
#define PRI_MIN_KERN 80
#define PRI_MAX_KERN (PRI_MIN_TIMESHARE - 1)
#define PRI_MIN_TIMESHARE 120
#define PRI_MAX_TIMESHARE (PRI_MIN_IDLE - 1)
#define PUSER PRI_MIN_TIMESHARE
#define PRI_MIN_IDLE 224
#define PRI_MAX_IDLE PRI_MAX

#endif
