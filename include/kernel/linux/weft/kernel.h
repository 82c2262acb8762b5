/* linux/weft/kernel.h - part of linux/weft_kernel.h, which includes its
 * parts in order (each may use the names of those before it); kernel
 * code never includes a part itself.  printk levels, the min/max/clamp
 * and rounding helpers of <linux/kernel.h>, minmax.h and math.h: plain
 * C, so that kernel arithmetic compiles as the kernel writes it. */
#ifndef WEFT_KERNEL_LINUX_WEFT_KERNEL_H
#define WEFT_KERNEL_LINUX_WEFT_KERNEL_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

#define KERN_SOH "\001"
#define KERN_EMERG ""
#define KERN_ALERT ""
#define KERN_CRIT ""
#define KERN_ERR ""
#define KERN_WARNING ""
#define KERN_NOTICE ""
#define KERN_INFO ""
#define KERN_DEBUG ""
#define KERN_DEFAULT ""
#define KERN_CONT ""
#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif
#define pr_emerg weft_lx_printk
#define pr_alert weft_lx_printk
#define pr_crit weft_lx_printk
#define pr_warning weft_lx_printk
#define pr_cont weft_lx_printk
#define pr_devel weft_lx_printk
#define pr_info_once weft_lx_printk
#define pr_warn_once weft_lx_printk
#define pr_err_once weft_lx_printk
#define pr_info_ratelimited weft_lx_printk
#define pr_warn_ratelimited weft_lx_printk
#define pr_err_ratelimited weft_lx_printk
#define pr_debug_ratelimited weft_lx_printk
#define printk_once weft_lx_printk
#define printk_ratelimited weft_lx_printk
#define printk_deferred weft_lx_printk
#define no_printk weft_lx_printk
#define printk_ratelimit() 0
#define dump_stack() ((void)0)

#define clamp(v, lo, hi) min(max(v, lo), hi)
#define clamp_t(t, v, lo, hi) clamp((t)(v), (t)(lo), (t)(hi))
#define clamp_val(v, lo, hi) clamp_t(__typeof__(v), v, lo, hi)
#define min3(a, b, c) min(min(a, b), c)
#define max3(a, b, c) max(max(a, b), c)
#define min_not_zero(a, b) ((a) == 0 ? (b) : ((b) == 0 ? (a) : min(a, b)))
#define swap(a, b)                                                            \
	do {                                                                  \
		__typeof__(a) weft_s_ = (a);                                  \
		(a) = (b);                                                    \
		(b) = weft_s_;                                                \
	} while (0)
#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))
#define DIV_ROUND_UP_ULL(n, d) DIV_ROUND_UP((unsigned long long)(n), (d))
#define DIV_ROUND_CLOSEST(x, d) (((x) + ((d) / 2)) / (d))
#define roundup(x, y) ((((x) + ((y) - 1)) / (y)) * (y))
#define rounddown(x, y) ((x) - ((x) % (y)))
#define __round_mask(x, y) ((__typeof__(x))((y) - 1))
#define round_up(x, y) ((((x) - 1) | __round_mask(x, y)) + 1)
#define round_down(x, y) ((x) & ~__round_mask(x, y))
#define ALIGN(x, a) (((x) + ((__typeof__(x))(a) - 1)) & ~((__typeof__(x))(a) - 1))
#define ALIGN_DOWN(x, a) ALIGN((x) - ((a) - 1), (a))
#define IS_ALIGNED(x, a) (((x) & ((__typeof__(x))(a) - 1)) == 0)
#define PTR_ALIGN(p, a) ((__typeof__(p))ALIGN((unsigned long)(p), (a)))
#define upper_32_bits(n) ((u32)(((n) >> 16) >> 16))
#define lower_32_bits(n) ((u32)((n) & 0xffffffff))
#define U8_MAX ((u8)~0U)
#define S8_MAX ((s8)(U8_MAX >> 1))
#define S8_MIN ((s8)(-S8_MAX - 1))
#define U16_MAX ((u16)~0U)
#define S16_MAX ((s16)(U16_MAX >> 1))
#define S16_MIN ((s16)(-S16_MAX - 1))
#define U32_MAX ((u32)~0U)
#define S32_MAX ((s32)(U32_MAX >> 1))
#define S32_MIN ((s32)(-S32_MAX - 1))
#define U64_MAX ((u64)~0ULL)
#define S64_MAX ((s64)(U64_MAX >> 1))
#define S64_MIN ((s64)(-S64_MAX - 1))
#define abs_diff(a, b) ((a) > (b) ? (a) - (b) : (b) - (a))
#define check_add_overflow(a, b, d) __builtin_add_overflow(a, b, d)
#define check_sub_overflow(a, b, d) __builtin_sub_overflow(a, b, d)
#define check_mul_overflow(a, b, d) __builtin_mul_overflow(a, b, d)
#define array_size(a, b) ((size_t)(a) * (size_t)(b))
#define struct_size(p, member, n)                                             \
	(sizeof(*(p)) + sizeof(*(p)->member) * (size_t)(n))
#define flex_array_size(p, member, n) (sizeof(*(p)->member) * (size_t)(n))
#define STACK_MAGIC 0xdeadbeef
#define REPEAT_BYTE(x) ((~0ul / 0xff) * (x))
#define __stringify_1(x...) #x
#define __stringify(x...) __stringify_1(x)
#define CONCATENATE(a, b) __CONCAT_WEFT(a, b)
#define __CONCAT_WEFT(a, b) a##b

/* Kernel-only error numbers (include/linux/errno.h). */
#define ERESTARTSYS 512
#define ERESTARTNOINTR 513
#define ERESTARTNOHAND 514
#define ENOIOCTLCMD 515
#define ERESTART_RESTARTBLOCK 516
#define EPROBE_DEFER 517
#define EOPENSTALE 518
#define ENOPARAM 519
#define EBADHANDLE 521
#define ENOTSYNC 522
#define EBADCOOKIE 523
#define ENOTSUPP 524
#define ETOOSMALL 525
#define ESERVERFAULT 526
#define EBADTYPE 527
#define EJUKEBOX 528
#define EIOCBQUEUED 529
#define ERECALLCONFLICT 530

#endif
