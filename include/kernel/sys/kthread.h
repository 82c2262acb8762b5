/* sys/kthread.h - weft's FreeBSD kernel header tree: kthread(9) and
 * kproc(9) are not modelled; a test starts its threads with weft_spawn
 * (<weft/thread.h>).  Their calls fail to compile, each naming itself,
 * rather than the header being missing. */
#ifndef WEFT_KERNEL_SYS_KTHREAD_H
#define WEFT_KERNEL_SYS_KTHREAD_H
#include <sys/weft_freebsd.h>

WEFT_BSD_UNMODELLED("kthread(9) and kproc(9) (kthread_add, kproc_create, "
		    "kthread_exit: start the test's threads with weft_spawn)")
int weft_bsd_kthread_unmodelled(void);
#define kthread_add(...) weft_bsd_kthread_unmodelled()
#define kproc_create(...) weft_bsd_kthread_unmodelled()
#define kproc_kthread_add(...) weft_bsd_kthread_unmodelled()
#define kthread_exit() weft_bsd_kthread_unmodelled()
#define kproc_exit(code) weft_bsd_kthread_unmodelled()
#endif
