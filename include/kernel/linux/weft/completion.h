/* linux/weft/completion.h - part of linux/weft_kernel.h, which includes
 * its parts in order (each may use the names of those before it);
 * kernel code never includes a part itself.  The completion spellings
 * beyond <weft/linux.h>, mapped onto its completions. */
#ifndef WEFT_KERNEL_LINUX_WEFT_COMPLETION_H
#define WEFT_KERNEL_LINUX_WEFT_COMPLETION_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

#define init_completion_map(c, m) init_completion(c)
#define DECLARE_COMPLETION_ONSTACK_MAP(x, m) DECLARE_COMPLETION_ONSTACK(x)
#define wait_for_completion_io(c) wait_for_completion(c)
#define wait_for_completion_io_timeout(c, t) wait_for_completion_timeout(c, t)
/* Killable: only a fatal signal ends it, and weft sends none. */
#define wait_for_completion_killable_timeout(c, t)                            \
	((long)wait_for_completion_timeout(c, t))
#define wait_for_completion_state(c, s) wait_for_completion_killable(c)

#endif
