/* linux/weft/delay.h - part of linux/weft_kernel.h, which includes its
 * parts in order (each may use the names of those before it); kernel
 * code never includes a part itself.  The sleeping calls of
 * <linux/delay.h> beyond <weft/linux.h>, mapped onto its msleep and
 * usleep_range on the virtual clock. */
#ifndef WEFT_KERNEL_LINUX_WEFT_DELAY_H
#define WEFT_KERNEL_LINUX_WEFT_DELAY_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

#define fsleep(us) usleep_range((us), (us))
#define usleep_idle_range(lo, hi) usleep_range(lo, hi)
#define msleep_killable(ms) msleep_interruptible(ms)

#endif
