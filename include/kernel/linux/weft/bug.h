/* linux/weft/bug.h - part of linux/weft_kernel.h, which includes its
 * parts in order (each may use the names of those before it); kernel
 * code never includes a part itself.  BUG and BUG_ON end the execution
 * as a crash, WARN_ON and its variants report an assertion finding,
 * because both mean the kernel reached a state its author said cannot
 * happen. */
#ifndef WEFT_KERNEL_LINUX_WEFT_BUG_H
#define WEFT_KERNEL_LINUX_WEFT_BUG_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

#undef BUG_ON
#undef BUG
#define BUG()                                                                 \
	weft_report("crash", WEFT_HERE, "kernel BUG (BUG())")
#define BUG_ON(c)                                                             \
	do {                                                                  \
		if (unlikely(c))                                              \
			weft_report("crash", WEFT_HERE,                       \
				    "kernel BUG: BUG_ON(%s)", #c);            \
	} while (0)
#define VM_BUG_ON(c) BUG_ON(c)
#define WARN_ONCE(c, ...) WARN(c, __VA_ARGS__)
#define WARN_RATELIMIT(c, ...) WARN(c, __VA_ARGS__)
#define WARN_ON_SMP(c) WARN_ON(c)
#define WARN_TAINT(c, taint, ...) WARN(c, __VA_ARGS__)
#define WARN_TAINT_ONCE(c, taint, ...) WARN(c, __VA_ARGS__)
#define VM_WARN_ON(c) WARN_ON(c)
#define VM_WARN_ON_ONCE(c) WARN_ON_ONCE(c)

#endif
