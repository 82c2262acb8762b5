/* weft/linux/types.h - part of <weft/linux.h>:
 * basic types and annotations.
 * Include <weft/linux.h>, which includes the parts in order (later
 * parts use earlier ones). */
#ifndef WEFT_LINUX_TYPES_H
#define WEFT_LINUX_TYPES_H
#ifndef WEFT_LINUX_H
#error "include <weft/linux.h>, not its parts"
#endif

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;
typedef unsigned int gfp_t;

#define __rcu
#define __user
#define __iomem
#define __force
#define __init
#define __exit
#define __must_check
#define __maybe_unused __attribute__((unused))
#define __always_unused __attribute__((unused))
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define EXPORT_SYMBOL(x)
#define EXPORT_SYMBOL_GPL(x)
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define BIT(n) (1UL << (n))
#define BITS_PER_LONG ((int)(8 * sizeof(long)))
#define BITS_TO_LONGS(n) (((n) + BITS_PER_LONG - 1) / BITS_PER_LONG)
#define DECLARE_BITMAP(name, bits) unsigned long name[BITS_TO_LONGS(bits)]
#define min(a, b) ((a) < (b) ? (a) : (b))
#define max(a, b) ((a) > (b) ? (a) : (b))
#define min_t(t, a, b) min((t)(a), (t)(b))
#define max_t(t, a, b) max((t)(a), (t)(b))

#define container_of(ptr, type, member)                                       \
	((type *)(void *)((char *)(ptr) - offsetof(type, member)))

/* printk and friends evaluate their arguments and print nothing: output
 * from thousands of executions would drown the report. */
static inline int weft_lx_printk(const char *fmt, ...)
{
	(void)fmt;
	return 0;
}
#define printk weft_lx_printk
#define pr_info weft_lx_printk
#define pr_err weft_lx_printk
#define pr_warn weft_lx_printk
#define pr_debug weft_lx_printk
#define pr_notice weft_lx_printk

#endif
