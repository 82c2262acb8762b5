/* weft/linux.h - kernel spellings for weft's Linux models.
 *
 * Include this instead of the kernel headers and kernel-style code compiles
 * almost unchanged: every name below maps onto a weft_ object or function
 * (see klock.h, completion.h, kwait.h, workqueue.h, ktime.h, rcu.h,
 * refcount.h, katomic.h, kmem.h, kthread.h, kcontext.h), and every call site is
 * captured so traces show the test's own lines.  Objects are named after
 * the stringified argument: mutex_init(&priv->mcast_mutex) is
 * "priv->mcast_mutex", INIT_WORK(&w, fn) is "fn", alloc_workqueue("x", ...)
 * is "x".  Struct tags (work_struct, completion, mutex, ...) are macros that
 * rename them to the weft types, so `struct mutex m;` just works.
 *
 * This file and its parts (the headers in weft/linux/, included below in
 * order) are the only place where kernel names are defined. */
#ifndef WEFT_LINUX_H
#define WEFT_LINUX_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <weft/weft.h>
#include <weft/completion.h>
#include <weft/katomic.h>
#include <weft/kcontext.h>
#include <weft/klock.h>
#include <weft/kmem.h>
#include <weft/kthread.h>
#include <weft/kwait.h>
#include <weft/ktime.h>
#include <weft/rcu.h>
#include <weft/refcount.h>
#include <weft/workqueue.h>

/* "&priv->lock" names the lock "priv->lock" (a pointer into the literal,
 * so the name lives as long as the program). */
#define WEFT_LX_NAME(s) ((s) + ((s)[0] == '&'))

/* The value of an operation that kernel code may ignore (an atomic's
 * `atomic_inc_return(&v);`, a `test_and_set_bit(...);`), as a statement
 * expression: it then compiles under -Wall -Werror, as the kernel's
 * functions do, where a cast or a comparison whose value is unused was
 * an error. */
#define WEFT_LX_VAL(e) (__extension__({ __auto_type weft_lv_ = (e); weft_lv_; }))

/* The parts, in order: each may use what the ones before it define. */
#include <weft/linux/types.h>
#include <weft/linux/err.h>
#include <weft/linux/warn.h>
#include <weft/linux/locks.h>
#include <weft/linux/completion.h>
#include <weft/linux/wait.h>
#include <weft/linux/timer.h>
#include <weft/linux/workqueue.h>
#include <weft/linux/mem.h>
#include <weft/linux/refcount.h>
#include <weft/linux/atomic.h>
#include <weft/linux/list.h>
#include <weft/linux/rcu.h>
#include <weft/linux/kthread.h>

#endif
