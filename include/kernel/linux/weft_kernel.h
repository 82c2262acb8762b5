/* linux/weft_kernel.h - what every header of weft's kernel header tree
 * includes: <weft/linux.h> (the kernel spellings of weft's models) plus
 * the names it lacks, mapped onto weft's models or onto the models of
 * src/linux/ext_*.c (declared in <linux/weft_ext.h>).
 *
 * Kernel source compiles against this tree unchanged when
 * -I<weft>/include/kernel comes first on the include path (weft-cc
 * --kernel=linux).  As in the kernel, each header makes every modelled
 * name visible, so a file that forgets an include still compiles.  What
 * weft cannot model faithfully does not compile: a header that is not
 * modelled at all stops with #error "weft: ... is not modelled", and a
 * single function that is not fails at its use with "weft does not model
 * ..." (the function is declared unavailable; the message is worded so
 * that a plural, "SRCU notifier chains", reads right). */
#ifndef WEFT_KERNEL_H
#define WEFT_KERNEL_H

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/types.h>

#include <weft/linux.h>
#include <linux/weft_ext.h>
/* The uapi types (__u32, __le16 ...): weft's linux/types.h is the
 * system's plus this file. */
#include <linux/types.h>

/* A use of a name weft does not model is a compile error that says so. */
#if defined(__clang__) || (defined(__GNUC__) && __GNUC__ >= 12)
#define WEFT_KX_UNMODELLED(what)                                              \
	__attribute__((unavailable("weft does not model " what)))
#else
#define WEFT_KX_UNMODELLED(what)                                              \
	__attribute__((error("weft does not model " what)))
#endif

/* The sections, in the order they build on one another. */
#include <linux/weft/types.h>
#include <linux/weft/compiler.h>
#include <linux/weft/kernel.h>
#include <linux/weft/bug.h>
#include <linux/weft/module.h>
#include <linux/weft/slab.h>
#include <linux/weft/spinlock.h>
#include <linux/weft/mutex.h>
#include <linux/weft/semaphore.h>
#include <linux/weft/seqlock.h>
#include <linux/weft/wait.h>
#include <linux/weft/completion.h>
#include <linux/weft/workqueue.h>
#include <linux/weft/timer.h>
#include <linux/weft/jiffies.h>
#include <linux/weft/hrtimer.h>
#include <linux/weft/delay.h>
#include <linux/weft/sched.h>
#include <linux/weft/kthread.h>
#include <linux/weft/smp.h>
#include <linux/weft/percpu.h>
#include <linux/weft/atomic.h>
#include <linux/weft/atomic_order.h>
#include <linux/weft/bitops.h>
#include <linux/weft/refcount.h>
#include <linux/weft/rcupdate.h>
#include <linux/weft/list.h>
#include <linux/weft/list_nulls.h>
#include <linux/weft/llist.h>
#include <linux/weft/hashtable.h>
#include <linux/weft/interrupt.h>
#include <linux/weft/cleanup.h>
#include <linux/weft/notifier.h>
#include <linux/weft/rhashtable.h>

/* kthread stop bookkeeping is in weft/linux.h; rtnl too. */

#endif
