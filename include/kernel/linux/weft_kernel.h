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
 * single function that is not fails at its use with the same message
 * (the function is declared unavailable). */
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
	__attribute__((unavailable("weft: " what " is not modelled")))
#else
#define WEFT_KX_UNMODELLED(what)                                              \
	__attribute__((error("weft: " what " is not modelled")))
#endif

/* ---- linux/types.h ------------------------------------------------------ */

typedef unsigned long ulong;
typedef unsigned int uint;
typedef unsigned short ushort;
typedef unsigned char uchar;
typedef uint64_t phys_addr_t;
typedef uint64_t dma_addr_t;
typedef uint64_t resource_size_t;
typedef unsigned int fmode_t;
typedef unsigned long irq_hw_number_t;

/* ---- linux/compiler.h, compiler_types.h, build_bug.h -------------------- */

#ifndef __always_inline
#define __always_inline inline __attribute__((always_inline))
#endif
#ifndef noinline
#define noinline __attribute__((noinline))
#endif
#ifndef __noinline
#define __noinline noinline
#endif
#ifndef __packed
#define __packed __attribute__((packed))
#endif
#ifndef __aligned
#define __aligned(x) __attribute__((aligned(x)))
#endif
#ifndef __section
#define __section(s) __attribute__((section(s)))
#endif
#ifndef __cold
#define __cold __attribute__((cold))
#endif
#ifndef __pure
#define __pure __attribute__((pure))
#endif
#ifndef __used
#define __used __attribute__((used))
#endif
#ifndef __weak
#define __weak __attribute__((weak))
#endif
#ifndef __noreturn
#define __noreturn __attribute__((noreturn))
#endif
#ifndef __printf
#define __printf(a, b) __attribute__((format(printf, a, b)))
#endif
#ifndef __scanf
#define __scanf(a, b) __attribute__((format(scanf, a, b)))
#endif
#ifndef __read_mostly
#define __read_mostly
#endif
#ifndef __ro_after_init
#define __ro_after_init
#endif
#ifndef __cacheline_aligned
#define __cacheline_aligned
#endif
#ifndef __cacheline_aligned_in_smp
#define __cacheline_aligned_in_smp
#endif
#ifndef ____cacheline_aligned
#define ____cacheline_aligned
#endif
#ifndef ____cacheline_aligned_in_smp
#define ____cacheline_aligned_in_smp
#endif
#ifndef __percpu
#define __percpu
#endif
#ifndef __bitwise
#define __bitwise
#endif
#ifndef __kernel
#define __kernel
#endif
#ifndef __safe
#define __safe
#endif
#ifndef __nocast
#define __nocast
#endif
#ifndef __private
#define __private
#endif
#ifndef __acquires
#define __acquires(x)
#endif
#ifndef __releases
#define __releases(x)
#endif
#ifndef __acquire
#define __acquire(x) (void)0
#endif
#ifndef __release
#define __release(x) (void)0
#endif
#ifndef __must_hold
#define __must_hold(x)
#endif
#ifndef __cond_lock
#define __cond_lock(x, c) (c)
#endif
#ifndef __initdata
#define __initdata
#endif
#ifndef __exitdata
#define __exitdata
#endif
#ifndef __initconst
#define __initconst
#endif
#ifndef __devinit
#define __devinit
#endif
#ifndef __devexit
#define __devexit
#endif
#ifndef __visible
#define __visible
#endif
#ifndef __deprecated
#define __deprecated
#endif
#ifndef __counted_by
#define __counted_by(m)
#endif
#ifndef __nonstring
#define __nonstring
#endif
#ifndef notrace
#define notrace
#endif
#ifndef __randomize_layout
#define __randomize_layout
#endif
#ifndef __no_randomize_layout
#define __no_randomize_layout
#endif
#ifndef fallthrough
#define fallthrough __attribute__((fallthrough))
#endif
#define __same_type(a, b) __builtin_types_compatible_p(__typeof__(a), __typeof__(b))
#define typeof_member(T, m) __typeof__(((T *)0)->m)
#define sizeof_field(T, m) sizeof(((T *)0)->m)
#define offsetofend(T, m) (offsetof(T, m) + sizeof_field(T, m))
#define unreachable() __builtin_unreachable()
#define OPTIMIZER_HIDE_VAR(v) __asm__("" : "=r"(v) : "0"(v))
#define BUILD_BUG_ON_MSG(c, msg) _Static_assert(!(c), msg)
#define BUILD_BUG_ON(c) _Static_assert(!(c), "BUILD_BUG_ON(" #c ")")
#define BUILD_BUG_ON_ZERO(e) ((int)(sizeof(struct { int : (-!!(e)); })))
#define BUILD_BUG() _Static_assert(0, "BUILD_BUG")
#define __must_be_array(a) 0
#ifndef static_assert
#define static_assert(expr, ...) _Static_assert(expr, #expr)
#endif
#define IS_ENABLED(option) 0
#define IS_BUILTIN(option) 0
#define IS_MODULE(option) 0
#define IS_REACHABLE(option) 0
#define ACCESS_ONCE(x) (*(volatile __typeof__(x) *)&(x))

/* data_race(expr) tells KCSAN an access races on purpose.  weft's race
 * detector has no way to mark an arbitrary expression's plain accesses,
 * and reporting them would be wrong. */
WEFT_KX_UNMODELLED("data_race() (marking plain accesses as intended races)")
int weft_kx_data_race(void);
#define data_race(expr) (weft_kx_data_race(), (expr))
#define ASSERT_EXCLUSIVE_WRITER(var) ((void)0)
#define ASSERT_EXCLUSIVE_ACCESS(var) ((void)0)

/* ---- linux/kernel.h, minmax.h, math.h ------------------------------------ */

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

/* ---- linux/bug.h: BUG is a crash, WARN a finding ------------------------ */

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

/* ---- linux/export.h, module.h, init.h ------------------------------------ */

struct module;
#define THIS_MODULE ((struct module *)0)
#define KBUILD_MODNAME "weft"
#define EXPORT_SYMBOL_NS(x, ns)
#define EXPORT_SYMBOL_NS_GPL(x, ns)
#define MODULE_IMPORT_NS(ns) struct weft_kx_module_info_
#define MODULE_LICENSE(s) struct weft_kx_module_info_
#define MODULE_AUTHOR(s) struct weft_kx_module_info_
#define MODULE_DESCRIPTION(s) struct weft_kx_module_info_
#define MODULE_VERSION(s) struct weft_kx_module_info_
#define MODULE_ALIAS(s) struct weft_kx_module_info_
#define MODULE_SOFTDEP(s) struct weft_kx_module_info_
#define MODULE_FIRMWARE(s) struct weft_kx_module_info_
#define MODULE_DEVICE_TABLE(type, name) struct weft_kx_module_info_
#define MODULE_PARM_DESC(p, s) struct weft_kx_module_info_
#define module_param(name, type, perm) struct weft_kx_module_info_
#define module_param_named(n, v, type, perm) struct weft_kx_module_info_
/* module_init(fn): a test calls weft_module_init() / weft_module_exit()
 * (nothing calls them by itself: a test decides when the module loads). */
#define module_init(fn)                                                       \
	static inline int weft_module_init(void) { return fn(); }             \
	struct weft_kx_module_info_
#define module_exit(fn)                                                       \
	static inline void weft_module_exit(void) { fn(); }                   \
	struct weft_kx_module_info_
#define late_initcall(fn) module_init(fn)
#define subsys_initcall(fn) module_init(fn)
#define device_initcall(fn) module_init(fn)
#define core_initcall(fn) module_init(fn)
#define try_module_get(m) true
#define module_put(m) ((void)0)
#define __module_get(m) ((void)0)

/* ---- linux/slab.h, gfp.h, vmalloc.h, string.h ---------------------------- */

#define GFP_USER WEFT_GFP_KERNEL
#define GFP_HIGHUSER WEFT_GFP_KERNEL
#define GFP_KERNEL_ACCOUNT WEFT_GFP_KERNEL
#define GFP_DMA WEFT_GFP_ATOMIC
#define GFP_DMA32 WEFT_GFP_ATOMIC
#define __GFP_NOWARN 0u
#define __GFP_NORETRY 0u
#define __GFP_RETRY_MAYFAIL 0u
#define __GFP_NOFAIL 0u
#define __GFP_HIGH 0u
#define __GFP_ACCOUNT 0u
#define __GFP_COMP 0u
#define __GFP_DMA 0u
#define __GFP_DMA32 0u
#define __GFP_HIGHMEM 0u
#define __GFP_MEMALLOC 0u
#define __GFP_NOMEMALLOC 0u
#define __GFP_DIRECT_RECLAIM WEFT_GFP_KERNEL
#define __GFP_KSWAPD_RECLAIM 0u
#define __GFP_RECLAIM WEFT_GFP_KERNEL
#define __GFP_ATOMIC 0u
#define gfpflags_allow_blocking(g) (((g) & WEFT_GFP_KERNEL) != 0)
#define ZERO_SIZE_PTR ((void *)16)
#define ZERO_OR_NULL_PTR(x) ((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)
#define SLAB_HWCACHE_ALIGN 0u
#define SLAB_PANIC 0u
#define SLAB_ACCOUNT 0u
#define SLAB_RECLAIM_ACCOUNT 0u
#define SLAB_TYPESAFE_BY_RCU 0x80000u
#define ARCH_KMALLOC_MINALIGN 8

static inline size_t weft_kx_mul(size_t n, size_t size)
{
	size_t r;
	return __builtin_mul_overflow(n, size, &r) ? (size_t)-1 : r;
}
#undef kcalloc
#undef kmalloc_array
#define kcalloc(n, size, gfp)                                                 \
	weft_kmalloc(weft_kx_mul((n), (size)), (gfp) | WEFT_GFP_ZERO,         \
		     "kcalloc", WEFT_HERE)
#define kmalloc_array(n, size, gfp)                                           \
	weft_kmalloc(weft_kx_mul((n), (size)), (gfp), "kmalloc_array",        \
		     WEFT_HERE)
#define kmalloc_node(n, gfp, node) kmalloc(n, gfp)
#define kzalloc_node(n, gfp, node) kzalloc(n, gfp)
#define kvmalloc_array(n, size, gfp) kmalloc_array(n, size, gfp)
#define kvcalloc(n, size, gfp) kcalloc(n, size, gfp)
#define kvmalloc_node(n, gfp, node) kvmalloc(n, gfp)
#define kvzalloc_node(n, gfp, node) kvzalloc(n, gfp)
#define vmalloc_node(n, node) vmalloc(n)
#define vzalloc_node(n, node) vzalloc(n)
#define krealloc(p, n, gfp) weft_kx_krealloc((p), (n), (gfp), WEFT_HERE)
#define krealloc_array(p, n, size, gfp)                                       \
	weft_kx_krealloc((p), weft_kx_mul((n), (size)), (gfp), WEFT_HERE)
#define kvrealloc(p, n, gfp) krealloc(p, n, gfp)
#define kzfree(p) kfree(p)
#define kstrdup(s, gfp)                                                       \
	(__extension__({                                                      \
		const char *weft_s_ = (s);                                    \
		char *weft_d_ = NULL;                                         \
		if (weft_s_) {                                                \
			size_t weft_n_ = strlen(weft_s_) + 1;                 \
			weft_d_ = weft_kmalloc(weft_n_, (gfp), "kstrdup",     \
					       WEFT_HERE);                    \
			memcpy(weft_d_, weft_s_, weft_n_);                    \
		}                                                             \
		weft_d_;                                                      \
	}))
#define kstrdup_const(s, gfp) kstrdup(s, gfp)
#define kfree_const(p) kfree(p)
#define kstrndup(s, max, gfp)                                                 \
	(__extension__({                                                      \
		const char *weft_s_ = (s);                                    \
		char *weft_d_ = NULL;                                         \
		if (weft_s_) {                                                \
			size_t weft_n_ = strnlen(weft_s_, (max));             \
			weft_d_ = weft_kmalloc(weft_n_ + 1, (gfp), "kstrndup", \
					       WEFT_HERE);                    \
			memcpy(weft_d_, weft_s_, weft_n_);                    \
			weft_d_[weft_n_] = 0;                                 \
		}                                                             \
		weft_d_;                                                      \
	}))
#define kmemdup_nul(s, n, gfp) kstrndup(s, n, gfp)
#define strscpy(d, s, n)                                                      \
	(__extension__({                                                      \
		size_t weft_n_ = (n), weft_l_ = strnlen((s), weft_n_);        \
		ssize_t weft_r_ = (ssize_t)weft_l_;                           \
		if (weft_l_ == weft_n_) {                                     \
			weft_r_ = -E2BIG;                                     \
			weft_l_ = weft_n_ ? weft_n_ - 1 : 0;                  \
		}                                                             \
		if (weft_n_) {                                                \
			memcpy((d), (s), weft_l_);                            \
			(d)[weft_l_] = 0;                                     \
		}                                                             \
		weft_r_;                                                      \
	}))

/* kmem_cache: a size and a name over kmalloc (every object is its own
 * tracked block, so use-after-free is caught per object). */
struct kmem_cache {
	size_t size;
	const char *name;
	unsigned int flags;
	void (*ctor)(void *);
};
#define KMEM_CACHE(s, flags)                                                  \
	kmem_cache_create(#s, sizeof(struct s), 0, (flags), NULL)
#define kmem_cache_create(nm, sz, align, fl, ctor_)                           \
	(__extension__({                                                      \
		struct kmem_cache *weft_c_ = weft_kmalloc(                    \
			sizeof *weft_c_, WEFT_GFP_KERNEL, "kmem_cache_create", \
			WEFT_HERE);                                           \
		weft_c_->size = (sz);                                         \
		weft_c_->name = (nm);                                         \
		weft_c_->flags = (fl);                                        \
		weft_c_->ctor = (ctor_);                                      \
		(void)(align);                                                \
		weft_c_;                                                      \
	}))
#define kmem_cache_create_usercopy(nm, sz, al, fl, uo, us, ctor_)             \
	kmem_cache_create(nm, sz, al, fl, ctor_)
#define kmem_cache_destroy(c) kfree(c)
#define kmem_cache_alloc(c, gfp)                                              \
	(__extension__({                                                      \
		struct kmem_cache *weft_c_ = (c);                             \
		void *weft_o_ = weft_kmalloc(weft_c_->size, (gfp),            \
					     "kmem_cache_alloc", WEFT_HERE);  \
		if (weft_c_->ctor)                                            \
			weft_c_->ctor(weft_o_);                               \
		weft_o_;                                                      \
	}))
#define kmem_cache_zalloc(c, gfp) kmem_cache_alloc(c, (gfp) | WEFT_GFP_ZERO)
#define kmem_cache_alloc_node(c, gfp, node) kmem_cache_alloc(c, gfp)
#define kmem_cache_free(c, p) ((void)(c), kfree(p))

/* ---- linux/spinlock.h, irqflags.h, preempt.h, bottom_half.h -------------- */

#define spin_lock_nested(l, sub) spin_lock(l)
#define spin_lock_irqsave_nested(l, flags, sub) spin_lock_irqsave(l, flags)
#define spin_lock_bh_nested(l, sub) spin_lock_bh(l)
#define raw_spin_lock_irq(l) spin_lock_irq(l)
#define raw_spin_unlock_irq(l) spin_unlock_irq(l)
#define raw_spin_lock_bh(l) spin_lock_bh(l)
#define raw_spin_unlock_bh(l) spin_unlock_bh(l)
#define raw_spin_trylock(l) spin_trylock(l)
#define raw_spin_is_locked(l) spin_is_locked(l)
#define spin_trylock_bh(l) spin_trylock(l)
#define spin_trylock_irq(l) spin_trylock(l)
#define spin_trylock_irqsave(l, flags) ((flags) = 0, spin_trylock(l))
#define raw_spin_trylock_irqsave(l, flags) spin_trylock_irqsave(l, flags)
#define spin_is_contended(l) 0
#define assert_raw_spin_locked(l) assert_spin_locked(l)
#define arch_spinlock_t spinlock_t

/* Interrupts are not modelled: disabling them (or preemption, or bottom
 * halves) makes the section atomic, where sleeping is misuse. */
#define local_irq_save(flags)                                                 \
	do {                                                                  \
		(flags) = 0;                                                  \
		weft_kx_atomic(1, "local_irq_save section", WEFT_HERE);       \
	} while (0)
#define local_irq_restore(flags)                                              \
	do {                                                                  \
		(void)(flags);                                                \
		weft_kx_atomic(-1, "local_irq_restore", WEFT_HERE);           \
	} while (0)
#define local_irq_disable()                                                   \
	weft_kx_atomic(1, "local_irq_disable section", WEFT_HERE)
#define local_irq_enable() weft_kx_atomic(-1, "local_irq_enable", WEFT_HERE)
#define local_bh_disable()                                                    \
	weft_kx_atomic(1, "local_bh_disable section", WEFT_HERE)
#define local_bh_enable() weft_kx_atomic(-1, "local_bh_enable", WEFT_HERE)
#define preempt_disable()                                                     \
	weft_kx_atomic(1, "preempt_disable section", WEFT_HERE)
#define preempt_enable() weft_kx_atomic(-1, "preempt_enable", WEFT_HERE)
#define preempt_enable_no_resched() preempt_enable()
#define preempt_disable_notrace() preempt_disable()
#define preempt_enable_notrace() preempt_enable()
#define migrate_disable() preempt_disable()
#define migrate_enable() preempt_enable()
#define irqs_disabled() (weft_kx_atomic_depth() > 0)
#define preemptible() (!weft_in_atomic())
#define preempt_count() (weft_in_atomic() ? 1 : 0)
/* Softirq context: a timer or RCU callback, a tasklet.  No hard
 * interrupts are modelled, so in_irq() is always 0. */
#define in_softirq() weft_kx_in_softirq()
#define in_serving_softirq() weft_kx_in_softirq()
#define in_interrupt() weft_kx_in_softirq()
#define in_task() (!weft_kx_in_softirq())
#define in_irq() 0
#define in_hardirq() 0
#define in_nmi() 0
#define typecheck(type, x) 1
#undef cond_resched
static inline int weft_kx_cond_resched(const struct weft_loc *loc)
{
	weft_might_sleep("cond_resched", NULL, loc);
	weft_kbarrier("cond_resched", loc);
	return 0;
}
#define cond_resched() weft_kx_cond_resched(WEFT_HERE)
#define might_sleep_if(c)                                                     \
	do {                                                                  \
		if (c)                                                        \
			might_sleep();                                        \
	} while (0)
#define might_fault() might_sleep()
#define cant_sleep() ((void)0)
#define non_block_start() ((void)0)
#define non_block_end() ((void)0)

/* ---- linux/mutex.h, rwsem.h, lockdep.h ----------------------------------- */

#define mutex_lock_io(m) mutex_lock(m)
#define mutex_lock_interruptible_nested(m, sub) mutex_lock_interruptible(m)
#define mutex_lock_killable_nested(m, sub) mutex_lock_killable(m)
#define mutex_lock_nest_lock(m, nest) mutex_lock(m)
#define devm_mutex_init(dev, m) (mutex_init(m), 0)
#define down_read_interruptible(s) (down_read(s), 0)
#define down_read_killable(s) (down_read(s), 0)
#define down_write_killable(s) (down_write(s), 0)
#define down_read_nested(s, sub) down_read(s)
#define down_write_nested(s, sub) down_write(s)
#define down_read_non_owner(s) down_read(s)
#define up_read_non_owner(s) up_read(s)
#define rwsem_is_locked(s) weft_klock_is_locked((s), WEFT_HERE)

/* Lock classes are keyed by the init site, so the class annotations are
 * accepted and change nothing. */
struct lock_class_key {
};
#define lockdep_set_class(l, key) ((void)(key))
#define lockdep_set_class_and_name(l, key, name) ((void)(key), (void)(name))
#define lockdep_set_class_and_subclass(l, key, sub) ((void)(key))
#define lockdep_set_subclass(l, sub) ((void)0)
#define lockdep_set_novalidate_class(l) ((void)0)
#define lockdep_register_key(key) ((void)(key))
#define lockdep_unregister_key(key) ((void)(key))
#define lockdep_off() ((void)0)
#define lockdep_on() ((void)0)
#define lockdep_assert_held_once(l) lockdep_assert_held(l)
#define lockdep_assert_held_write(l) lockdep_assert_held(l)
#define lockdep_assert_held_read(l) lockdep_assert_held(l)
#define lockdep_assert_not_held(l)                                            \
	do {                                                                  \
		if (weft_klock_held(l))                                       \
			weft_report("misuse", WEFT_HERE,                      \
				    "lockdep_assert_not_held(%s): the caller " \
				    "holds it", #l);                          \
	} while (0)
#define lockdep_assert_none_held_once() ((void)0)
#define lockdep_assert_irqs_disabled()                                        \
	do {                                                                  \
		if (!irqs_disabled())                                         \
			weft_report("misuse", WEFT_HERE,                      \
				    "lockdep_assert_irqs_disabled: interrupts " \
				    "are enabled");                           \
	} while (0)
#define lockdep_assert_irqs_enabled()                                         \
	do {                                                                  \
		if (irqs_disabled())                                          \
			weft_report("misuse", WEFT_HERE,                      \
				    "lockdep_assert_irqs_enabled: interrupts " \
				    "are disabled");                          \
	} while (0)
#define lockdep_assert_in_softirq() ((void)0)
#define lockdep_assert_preemption_disabled() ((void)0)
#define lockdep_assert_preemption_enabled() ((void)0)
#define lockdep_assert(c) WARN_ON(!(c))
#define lockdep_assert_once(c) WARN_ON_ONCE(!(c))
#define lockdep_is_held_type(l, r) lockdep_is_held(l)
#define lock_is_held(dep_map) 1
#define might_lock(l) ((void)(l))
#define might_lock_read(l) ((void)(l))
#define might_lock_nested(l, sub) ((void)(l))
#define lockdep_rtnl_is_held() weft_klock_held(&weft_rtnl_mutex)
#define debug_locks 1
#define debug_locks_off() 0

/* ---- linux/seqlock.h ------------------------------------------------------
 *
 * A seqlock's readers retry when a writer overlapped them.  Their plain
 * reads race with the writer by design, which KCSAN is told and weft's race
 * detector cannot be; so a read section is modelled as a read-side critical
 * section of a reader/writer spinlock that excludes the writer: the retry
 * is never needed (read_seqretry returns 0), and a missing retry loop is
 * not found.  A read section must end with read_seqretry (leaving it
 * another way keeps the section held, reported when the writer waits for
 * it).  Sleeping inside either side is misuse. */
typedef struct {
	struct weft_klock lock;
	unsigned sequence;
} seqlock_t;
typedef struct {
	struct weft_klock lock;
	unsigned sequence;
} seqcount_t;
typedef seqcount_t seqcount_spinlock_t;
typedef seqcount_t seqcount_raw_spinlock_t;
typedef seqcount_t seqcount_mutex_t;
typedef seqcount_t seqcount_rwlock_t;
typedef seqcount_t seqcount_latch_t;

#define __SEQLOCK_UNLOCKED(x) { WEFT_KLOCK_INIT(WEFT_KLOCK_RWLOCK, #x), 0 }
#define DEFINE_SEQLOCK(x) seqlock_t x = __SEQLOCK_UNLOCKED(x)
#define SEQCNT_ZERO(x) { WEFT_KLOCK_INIT(WEFT_KLOCK_RWLOCK, #x), 0 }
#define seqlock_init(sl)                                                      \
	do {                                                                  \
		weft_klock_init(&(sl)->lock, WEFT_KLOCK_RWLOCK,               \
				WEFT_LX_NAME(#sl), WEFT_HERE);                \
		(sl)->sequence = 0;                                           \
	} while (0)
#define seqcount_init(s) seqlock_init(s)
#define seqcount_spinlock_init(s, l) seqlock_init(s)
#define seqcount_raw_spinlock_init(s, l) seqlock_init(s)
#define seqcount_mutex_init(s, l) seqlock_init(s)
#define seqcount_rwlock_init(s, l) seqlock_init(s)

#define WEFT_KX_SEQ_READ(sl)                                                  \
	(__extension__({                                                      \
		__typeof__(sl) weft_q_ = (sl);                                \
		weft_klock_read(&weft_q_->lock, WEFT_HERE);                   \
		weft_q_->sequence;                                            \
	}))
#define WEFT_KX_SEQ_RETRY(sl, start)                                          \
	(__extension__({                                                      \
		(void)(start);                                                \
		weft_klock_read_unlock(&(sl)->lock, WEFT_HERE);               \
		0;                                                            \
	}))
#define read_seqbegin(sl) WEFT_KX_SEQ_READ(sl)
#define read_seqretry(sl, start) WEFT_KX_SEQ_RETRY(sl, start)
#define read_seqcount_begin(s) WEFT_KX_SEQ_READ(s)
#define raw_read_seqcount_begin(s) WEFT_KX_SEQ_READ(s)
#define read_seqcount_retry(s, start) WEFT_KX_SEQ_RETRY(s, start)
#define raw_read_seqcount_retry(s, start) WEFT_KX_SEQ_RETRY(s, start)
#define write_seqlock(sl)                                                     \
	do {                                                                  \
		weft_klock_lock(&(sl)->lock, WEFT_HERE);                      \
		(sl)->sequence++;                                             \
	} while (0)
#define write_sequnlock(sl)                                                   \
	do {                                                                  \
		(sl)->sequence++;                                             \
		weft_klock_unlock(&(sl)->lock, WEFT_HERE);                    \
	} while (0)
#define write_seqlock_bh(sl) write_seqlock(sl)
#define write_sequnlock_bh(sl) write_sequnlock(sl)
#define write_seqlock_irq(sl) write_seqlock(sl)
#define write_sequnlock_irq(sl) write_sequnlock(sl)
#define write_seqlock_irqsave(sl, flags)                                      \
	do {                                                                  \
		(flags) = 0;                                                  \
		write_seqlock(sl);                                            \
	} while (0)
#define write_sequnlock_irqrestore(sl, flags)                                 \
	do {                                                                  \
		(void)(flags);                                                \
		write_sequnlock(sl);                                          \
	} while (0)
#define write_seqcount_begin(s) write_seqlock(s)
#define write_seqcount_end(s) write_sequnlock(s)
#define raw_write_seqcount_begin(s) write_seqlock(s)
#define raw_write_seqcount_end(s) write_sequnlock(s)
#define read_seqlock_excl(sl) write_seqlock(sl)
#define read_sequnlock_excl(sl) write_sequnlock(sl)
#define read_seqlock_excl_bh(sl) write_seqlock(sl)
#define read_sequnlock_excl_bh(sl) write_sequnlock(sl)
WEFT_KX_UNMODELLED("read_seqbegin_or_lock (seqlock retry with fallback)")
int weft_kx_read_seqbegin_or_lock(void);
#define read_seqbegin_or_lock(sl, seq) weft_kx_read_seqbegin_or_lock()
#define need_seqretry(sl, seq) weft_kx_read_seqbegin_or_lock()
#define done_seqretry(sl, seq) weft_kx_read_seqbegin_or_lock()

/* ---- linux/wait.h ---------------------------------------------------------- */

#define wait_event_freezable(wq, cond) wait_event_interruptible(wq, cond)
#define wait_event_idle(wq, cond) wait_event(wq, cond)
#define wait_event_idle_timeout(wq, cond, t) wait_event_timeout(wq, cond, t)
#define wait_event_killable_timeout(wq, cond, t)                              \
	wait_event_interruptible_timeout(wq, cond, t)
#define wake_up_nr(q, nr) wake_up_all(q)
#define wake_up_poll(q, m) wake_up_all(q)
#define wake_up_interruptible_poll(q, m) wake_up_all(q)
#define wake_up_interruptible_sync(q) wake_up_all(q)
#define wake_up_locked(q) wake_up_all(q)
#define waitqueue_active(q) 1
#define wq_has_sleeper(q) 1
struct wait_queue_entry;
WEFT_KX_UNMODELLED("prepare_to_wait/finish_wait (open-coded waits; use "
		   "wait_event)")
void weft_kx_prepare_to_wait(void);
#define prepare_to_wait(q, w, s) weft_kx_prepare_to_wait()
#define prepare_to_wait_exclusive(q, w, s) weft_kx_prepare_to_wait()
#define prepare_to_wait_event(q, w, s) weft_kx_prepare_to_wait()
#define finish_wait(q, w) weft_kx_prepare_to_wait()
#define add_wait_queue(q, w) weft_kx_prepare_to_wait()
#define remove_wait_queue(q, w) weft_kx_prepare_to_wait()
#define DEFINE_WAIT(name) int name = (weft_kx_prepare_to_wait(), 0)
#define DECLARE_WAITQUEUE(name, tsk) DEFINE_WAIT(name)
WEFT_KX_UNMODELLED("wait_on_bit/wake_up_bit (bit waitqueues)")
int weft_kx_wait_bit(void);
#define wait_on_bit(w, b, m) weft_kx_wait_bit()
#define wait_on_bit_timeout(w, b, m, t) weft_kx_wait_bit()
#define wait_on_bit_lock(w, b, m) weft_kx_wait_bit()
#define wake_up_bit(w, b) weft_kx_wait_bit()
#define clear_and_wake_up_bit(b, w) weft_kx_wait_bit()
#define wait_var_event(v, c) weft_kx_wait_bit()
#define wake_up_var(v) weft_kx_wait_bit()

/* ---- linux/completion.h ---------------------------------------------------- */

#define init_completion_map(c, m) init_completion(c)
#define DECLARE_COMPLETION_ONSTACK_MAP(x, m) DECLARE_COMPLETION(x)
#define wait_for_completion_io(c) wait_for_completion(c)
#define wait_for_completion_io_timeout(c, t) wait_for_completion_timeout(c, t)
#define wait_for_completion_killable_timeout(c, t)                            \
	wait_for_completion_interruptible_timeout(c, t)
#define wait_for_completion_state(c, s) wait_for_completion_killable(c)

/* ---- linux/workqueue.h ----------------------------------------------------- */

#define system_freezable_wq (&weft_system_wq)
#define system_freezable_power_efficient_wq (&weft_system_wq)
#define system_bh_wq (&weft_system_highpri_wq)
#define system_bh_highpri_wq (&weft_system_highpri_wq)
#define WQ_BH (1u << 0)
#define WQ_PERCPU 0u
#define WQ_UNBOUND_MAX_ACTIVE WQ_MAX_ACTIVE
#define WQ_DFL_ACTIVE (WQ_MAX_ACTIVE / 2)
#define INIT_WORK_ONSTACK(w, f) INIT_WORK(w, f)
#define INIT_DELAYED_WORK_ONSTACK(d, f) INIT_DELAYED_WORK(d, f)
#define INIT_DEFERRABLE_WORK(d, f) INIT_DELAYED_WORK(d, f)
#define __INIT_WORK(w, f, onstack) INIT_WORK(w, f)
#define DECLARE_DEFERRABLE_WORK(n, f) DECLARE_DELAYED_WORK(n, f)
#define destroy_work_on_stack(w) ((void)(w))
#define destroy_delayed_work_on_stack(d) ((void)(d))
#define queue_work_node(node, wq, w)                                          \
	((void)(node), weft_work_queue((wq), (w), WEFT_HERE))
#define schedule_work_on(cpu, w)                                              \
	((void)(cpu), weft_work_queue(system_wq, (w), WEFT_HERE))
#define mod_delayed_work_on(cpu, wq, d, delay)                                \
	((void)(cpu), weft_dwork_queue((wq), (d), (delay), 1, WEFT_HERE))
#define schedule_delayed_work_on(cpu, d, delay)                               \
	((void)(cpu), weft_dwork_queue(system_wq, (d), (delay), 0, WEFT_HERE))
#define flush_delayed_work_sync(d) flush_delayed_work(d)
#define enable_and_queue_work(wq, w) queue_work(wq, w)
WEFT_KX_UNMODELLED("disable_work/enable_work")
bool weft_kx_disable_work(void);
#define disable_work(w) weft_kx_disable_work()
#define disable_work_sync(w) weft_kx_disable_work()
#define enable_work(w) weft_kx_disable_work()
#define disable_delayed_work(d) weft_kx_disable_work()
#define disable_delayed_work_sync(d) weft_kx_disable_work()
#define enable_delayed_work(d) weft_kx_disable_work()
WEFT_KX_UNMODELLED("work_busy/current_work (work introspection)")
unsigned int weft_kx_work_busy(void);
#define work_busy(w) weft_kx_work_busy()
#define current_work() weft_kx_work_busy()
#define current_is_workqueue_rescuer() 0
#define workqueue_set_max_active(wq, n) ((void)(wq), (void)(n))

/* ---- linux/timer.h: timers whose handler runs late, on another CPU ------ */

#undef timer_list
#undef DEFINE_TIMER
#undef timer_setup
#undef from_timer
#undef timer_container_of
#undef mod_timer
#undef add_timer
#undef del_timer
#undef del_timer_sync
#undef timer_delete
#undef timer_delete_sync
#undef timer_shutdown_sync
#undef timer_pending
#define timer_list weft_xtimer
#define TIMER_DEFERRABLE 0x00080000u
#define TIMER_PINNED 0x00200000u
#define TIMER_IRQSAFE 0x00400000u
#define TIMER_INIT_FLAGS (TIMER_DEFERRABLE | TIMER_PINNED | TIMER_IRQSAFE)
typedef void (*weft_kx_timer_fn)(struct weft_xtimer *);
#define DEFINE_TIMER(n, f)                                                    \
	struct weft_xtimer n = { .fn = (f), .name = #f }
#define timer_setup(t, f, flags)                                              \
	weft_xtimer_init((t), (f), NULL, (flags), #f, WEFT_HERE)
#define timer_setup_on_stack(t, f, flags) timer_setup(t, f, flags)
#define destroy_timer_on_stack(t) ((void)(t))
#define from_timer(var, t, field) container_of((t), __typeof__(*(var)), field)
#define timer_container_of(var, t, field) from_timer(var, t, field)
#define mod_timer(t, e) weft_xtimer_mod((t), (e), 0, 0, WEFT_HERE)
#define mod_timer_pending(t, e) weft_xtimer_mod((t), (e), 1, 0, WEFT_HERE)
#define timer_reduce(t, e) weft_xtimer_mod((t), (e), 0, 1, WEFT_HERE)
#define add_timer(t)                                                          \
	((void)weft_xtimer_mod((t), (t)->expires, 0, 0, WEFT_HERE))
#define add_timer_on(t, cpu) ((void)(cpu), add_timer(t))
#define add_timer_global(t) add_timer(t)
#define add_timer_local(t) add_timer(t)
#define del_timer(t) weft_xtimer_del((t), 0, 0, WEFT_HERE)
#define del_timer_sync(t) weft_xtimer_del((t), 1, 0, WEFT_HERE)
#define try_to_del_timer_sync(t) weft_xtimer_del((t), 2, 0, WEFT_HERE)
#define timer_delete(t) del_timer(t)
#define timer_delete_sync(t) del_timer_sync(t)
#define timer_delete_sync_try(t) try_to_del_timer_sync(t)
#define timer_shutdown(t) weft_xtimer_del((t), 0, 1, WEFT_HERE)
#define timer_shutdown_sync(t) weft_xtimer_del((t), 1, 1, WEFT_HERE)
#define timer_pending(t) (weft_xtimer_pending((t), WEFT_HERE))
#define round_jiffies(j) (j)
#define round_jiffies_relative(j) (j)
#define round_jiffies_up(j) (j)
#define round_jiffies_up_relative(j) (j)
#define __round_jiffies_relative(j, cpu) (j)

/* ---- linux/jiffies.h, ktime.h, time64.h ------------------------------------ */

#define MSEC_PER_SEC 1000L
#define USEC_PER_MSEC 1000L
#define NSEC_PER_USEC 1000L
#define NSEC_PER_MSEC 1000000L
#define USEC_PER_SEC 1000000L
#define NSEC_PER_SEC 1000000000L
#define FSEC_PER_SEC 1000000000000000LL
#define TICK_NSEC (NSEC_PER_SEC / HZ)
#define MAX_JIFFY_OFFSET ((LONG_MAX >> 1) - 1)
#define jiffies_64 ((u64)jiffies)
#define get_jiffies_64() ((u64)jiffies)
#define time_after64(a, b) ((s64)((b) - (a)) < 0)
#define time_before64(a, b) time_after64(b, a)
#define time_after_eq64(a, b) ((s64)((a) - (b)) >= 0)
#define time_before_eq64(a, b) time_after_eq64(b, a)
#define time_in_range(a, b, c) (time_after_eq(a, b) && time_before_eq(a, c))
#define time_in_range_open(a, b, c) (time_after_eq(a, b) && time_before(a, c))
#define time_is_before_eq_jiffies(a) time_after_eq(jiffies, a)
#define time_is_after_eq_jiffies(a) time_before_eq(jiffies, a)
static inline unsigned int jiffies_to_usecs(unsigned long j)
{
	return (unsigned int)(j * (USEC_PER_SEC / HZ));
}
static inline u64 jiffies_to_nsecs(unsigned long j)
{
	return (u64)j * TICK_NSEC;
}
static inline u64 jiffies64_to_nsecs(u64 j)
{
	return j * TICK_NSEC;
}
static inline u64 jiffies64_to_msecs(u64 j)
{
	return j * 1000 / HZ;
}
static inline unsigned long nsecs_to_jiffies(u64 n)
{
	return (unsigned long)((n + TICK_NSEC - 1) / TICK_NSEC);
}
static inline u64 nsecs_to_jiffies64(u64 n)
{
	return (n + TICK_NSEC - 1) / TICK_NSEC;
}
#define secs_to_jiffies(s) ((unsigned long)(s) * HZ)

/* ktime_t counts nanoseconds of the virtual clock since boot; the clock
 * moves in jiffies (1 ms), when the explorer lets it. */
typedef s64 ktime_t;
#define KTIME_MAX ((s64)~((u64)1 << 63))
#define KTIME_SEC_MAX (KTIME_MAX / NSEC_PER_SEC)
static inline ktime_t weft_kx_ktime_now(const struct weft_loc *loc)
{
	return (ktime_t)(weft_jiffies_at(loc) - WEFT_INITIAL_JIFFIES) *
	       (ktime_t)TICK_NSEC;
}
#define ktime_get() weft_kx_ktime_now(WEFT_HERE)
#define ktime_get_ns() ((u64)ktime_get())
#define ktime_get_raw() ktime_get()
#define ktime_get_raw_ns() ktime_get_ns()
#define ktime_get_boottime() ktime_get()
#define ktime_get_boottime_ns() ktime_get_ns()
#define ktime_get_mono_fast_ns() ktime_get_ns()
#define ktime_get_coarse() ktime_get()
#define ktime_get_coarse_ns() ktime_get_ns()
#define ktime_get_real() ktime_get()
#define ktime_get_real_ns() ktime_get_ns()
#define ktime_get_seconds() ((time64_t)(ktime_get() / NSEC_PER_SEC))
#define ktime_get_real_seconds() ktime_get_seconds()
#define ktime_get_boottime_seconds() ktime_get_seconds()
#define local_clock() ktime_get_ns()
#define sched_clock() ktime_get_ns()
typedef s64 time64_t;
struct timespec64 {
	time64_t tv_sec;
	long tv_nsec;
};
static inline ktime_t ktime_set(s64 secs, unsigned long nsecs)
{
	return secs * NSEC_PER_SEC + (s64)nsecs;
}
#define ktime_sub(a, b) ((ktime_t)((a) - (b)))
#define ktime_add(a, b) ((ktime_t)((a) + (b)))
#define ktime_add_ns(k, n) ((ktime_t)((k) + (s64)(n)))
#define ktime_sub_ns(k, n) ((ktime_t)((k) - (s64)(n)))
#define ktime_add_us(k, u) ktime_add_ns(k, (u64)(u) * NSEC_PER_USEC)
#define ktime_add_ms(k, m) ktime_add_ns(k, (u64)(m) * NSEC_PER_MSEC)
#define ktime_sub_us(k, u) ktime_sub_ns(k, (u64)(u) * NSEC_PER_USEC)
#define ktime_sub_ms(k, m) ktime_sub_ns(k, (u64)(m) * NSEC_PER_MSEC)
#define ktime_add_safe(a, b) ktime_add(a, b)
#define ktime_to_ns(k) ((s64)(k))
#define ktime_to_us(k) ((s64)(k) / NSEC_PER_USEC)
#define ktime_to_ms(k) ((s64)(k) / NSEC_PER_MSEC)
#define ktime_divns(k, d) ((s64)(k) / (s64)(d))
#define ns_to_ktime(n) ((ktime_t)(n))
#define us_to_ktime(u) ((ktime_t)((u64)(u) * NSEC_PER_USEC))
#define ms_to_ktime(m) ((ktime_t)((u64)(m) * NSEC_PER_MSEC))
#define ktime_compare(a, b) ((a) < (b) ? -1 : (a) > (b) ? 1 : 0)
#define ktime_after(a, b) ((a) > (b))
#define ktime_before(a, b) ((a) < (b))
#define ktime_us_delta(later, earlier) ktime_to_us(ktime_sub(later, earlier))
#define ktime_ms_delta(later, earlier) ktime_to_ms(ktime_sub(later, earlier))
static inline struct timespec64 ktime_to_timespec64(ktime_t k)
{
	struct timespec64 ts = { k / NSEC_PER_SEC, (long)(k % NSEC_PER_SEC) };
	return ts;
}
#define timespec64_to_ktime(ts) ktime_set((ts).tv_sec, (ts).tv_nsec)
#define ktime_get_ts64(ts) ((void)(*(ts) = ktime_to_timespec64(ktime_get())))
#define ktime_get_real_ts64(ts) ktime_get_ts64(ts)
#define ktime_get_boottime_ts64(ts) ktime_get_ts64(ts)
static inline unsigned long weft_kx_ns_to_ticks(s64 ns)
{
	return ns <= 0 ? 0 : (unsigned long)((ns + TICK_NSEC - 1) / TICK_NSEC);
}

/* ---- linux/hrtimer.h: over the same late-running timers ----------------- */

enum hrtimer_restart { HRTIMER_NORESTART, HRTIMER_RESTART };
enum hrtimer_mode {
	HRTIMER_MODE_ABS = 0x00,
	HRTIMER_MODE_REL = 0x01,
	HRTIMER_MODE_PINNED = 0x02,
	HRTIMER_MODE_SOFT = 0x04,
	HRTIMER_MODE_HARD = 0x08,
	HRTIMER_MODE_ABS_PINNED = 0x02,
	HRTIMER_MODE_REL_PINNED = 0x03,
	HRTIMER_MODE_ABS_SOFT = 0x04,
	HRTIMER_MODE_REL_SOFT = 0x05,
	HRTIMER_MODE_ABS_PINNED_SOFT = 0x06,
	HRTIMER_MODE_REL_PINNED_SOFT = 0x07,
	HRTIMER_MODE_ABS_HARD = 0x08,
	HRTIMER_MODE_REL_HARD = 0x09,
};
#ifndef CLOCK_REALTIME
#define CLOCK_REALTIME 0
#endif
#ifndef CLOCK_MONOTONIC
#define CLOCK_MONOTONIC 1
#endif
#ifndef CLOCK_BOOTTIME
#define CLOCK_BOOTTIME 7
#endif
#ifndef CLOCK_TAI
#define CLOCK_TAI 11
#endif
struct hrtimer {
	struct weft_xtimer xt;
	enum hrtimer_restart (*function)(struct hrtimer *);
	ktime_t node_expires;
};
static inline int weft_kx_hrtimer_run(struct weft_xtimer *x)
{
	struct hrtimer *h = container_of(x, struct hrtimer, xt);
	return h->function(h) == HRTIMER_RESTART;
}
static inline void weft_kx_hrtimer_init(struct hrtimer *h,
					enum hrtimer_restart (*fn)(struct hrtimer *),
					const char *name,
					const struct weft_loc *loc)
{
	weft_xtimer_init(&h->xt, NULL, weft_kx_hrtimer_run, 0, name, loc);
	h->function = fn;
	h->node_expires = 0;
}
#define hrtimer_init(h, clock, mode)                                          \
	((void)(clock), (void)(mode),                                         \
	 weft_kx_hrtimer_init((h), NULL, WEFT_LX_NAME(#h), WEFT_HERE))
#define hrtimer_setup(h, fn, clock, mode)                                     \
	((void)(clock), (void)(mode),                                         \
	 weft_kx_hrtimer_init((h), (fn), #fn, WEFT_HERE))
#define hrtimer_init_on_stack(h, clock, mode) hrtimer_init(h, clock, mode)
#define hrtimer_setup_on_stack(h, fn, clock, mode)                            \
	hrtimer_setup(h, fn, clock, mode)
#define destroy_hrtimer_on_stack(h) ((void)(h))
static inline void weft_kx_hrtimer_start(struct hrtimer *h, ktime_t t,
					 int mode, const struct weft_loc *loc)
{
	ktime_t now = weft_kx_ktime_now(loc);
	ktime_t abs = (mode & HRTIMER_MODE_REL) ? now + t : t;

	h->node_expires = abs;
	weft_xtimer_mod(&h->xt, WEFT_INITIAL_JIFFIES + weft_kx_ns_to_ticks(abs),
			0, 0, loc);
}
#define hrtimer_start(h, t, mode) weft_kx_hrtimer_start((h), (t), (mode), WEFT_HERE)
#define hrtimer_start_range_ns(h, t, slack, mode)                             \
	((void)(slack), weft_kx_hrtimer_start((h), (t), (mode), WEFT_HERE))
#define hrtimer_cancel(h) weft_xtimer_del(&(h)->xt, 1, 0, WEFT_HERE)
#define hrtimer_try_to_cancel(h) weft_xtimer_del(&(h)->xt, 2, 0, WEFT_HERE)
#define hrtimer_active(h)                                                     \
	(weft_xtimer_pending(&(h)->xt, WEFT_HERE) ||                          \
	 weft_xtimer_running(&(h)->xt, WEFT_HERE))
#define hrtimer_is_queued(h) weft_xtimer_pending(&(h)->xt, WEFT_HERE)
#define hrtimer_callback_running(h) weft_xtimer_running(&(h)->xt, WEFT_HERE)
#define hrtimer_get_expires(h) ((h)->node_expires)
#define hrtimer_set_expires(h, t)                                             \
	((h)->node_expires = (t),                                             \
	 (h)->xt.expires = WEFT_INITIAL_JIFFIES + weft_kx_ns_to_ticks(t))
#define hrtimer_get_remaining(h) ktime_sub((h)->node_expires, ktime_get())
static inline u64 weft_kx_hrtimer_forward(struct hrtimer *h, ktime_t now,
					  ktime_t interval)
{
	u64 overruns = 0;

	if (interval <= 0)
		interval = 1;
	while (h->node_expires <= now) {
		h->node_expires += interval;
		overruns++;
	}
	h->xt.expires = WEFT_INITIAL_JIFFIES +
			weft_kx_ns_to_ticks(h->node_expires);
	return overruns;
}
#define hrtimer_forward(h, now, interval)                                     \
	weft_kx_hrtimer_forward((h), (now), (interval))
#define hrtimer_forward_now(h, interval)                                      \
	weft_kx_hrtimer_forward((h), ktime_get(), (interval))

/* ---- linux/delay.h --------------------------------------------------------- */

#define fsleep(us) usleep_range((us), (us))
#define usleep_idle_range(lo, hi) usleep_range(lo, hi)
#define msleep_killable(ms) msleep_interruptible(ms)

/* ---- linux/sched.h: current, task states, schedule(), wake_up_process --- */

#undef set_current_state
#undef __set_current_state
#undef schedule_timeout
#undef schedule_timeout_interruptible
#undef schedule_timeout_uninterruptible
#undef schedule_timeout_killable
#define TASK_KILLABLE 0x100
#define TASK_NORMAL (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)
#define TASK_IDLE (TASK_UNINTERRUPTIBLE | 0x400)
#define TASK_FREEZABLE 0x2000
#define TASK_COMM_LEN 16
#define PF_KTHREAD 0x00200000
#define get_current() weft_kx_current()
#define current weft_kx_current()
#define task_pid_nr(t) weft_kx_pid(t)
#define task_tgid_nr(t) weft_kx_pid(t)
#define task_pid_vnr(t) weft_kx_pid(t)
#define get_task_struct(t) (t)
#define put_task_struct(t) ((void)(t))
#define signal_pending(t) ((void)(t), 0)
#define fatal_signal_pending(t) ((void)(t), 0)
#define signal_pending_state(s, t) ((void)(t), 0)
#define need_resched() 0
#define set_current_state(s) weft_kx_set_state((s), WEFT_HERE)
#define __set_current_state(s) weft_kx_set_state((s), WEFT_HERE)
#define set_special_state(s) weft_kx_set_state((s), WEFT_HERE)
#define schedule() ((void)weft_kx_schedule(-1, "schedule", WEFT_HERE))
#define io_schedule() ((void)weft_kx_schedule(-1, "io_schedule", WEFT_HERE))
#define schedule_preempt_disabled() schedule()
#define freezable_schedule() schedule()
#define weft_kx_timeout(t) ((long)(t) == LONG_MAX ? -1L : (long)(t) < 0 ? 0L : (long)(t))
#define schedule_timeout(t)                                                   \
	weft_kx_schedule(weft_kx_timeout(t), "schedule_timeout", WEFT_HERE)
#define io_schedule_timeout(t) schedule_timeout(t)
#define schedule_timeout_interruptible(t)                                     \
	(set_current_state(TASK_INTERRUPTIBLE),                               \
	 weft_kx_schedule(weft_kx_timeout(t),                                 \
			  "schedule_timeout_interruptible", WEFT_HERE))
#define schedule_timeout_uninterruptible(t)                                   \
	(set_current_state(TASK_UNINTERRUPTIBLE),                             \
	 weft_kx_schedule(weft_kx_timeout(t),                                 \
			  "schedule_timeout_uninterruptible", WEFT_HERE))
#define schedule_timeout_killable(t)                                          \
	(set_current_state(TASK_KILLABLE),                                    \
	 weft_kx_schedule(weft_kx_timeout(t), "schedule_timeout_killable",    \
			  WEFT_HERE))
#define schedule_timeout_idle(t) schedule_timeout_uninterruptible(t)
#define wake_up_process(t) weft_kx_wake_up_process((t), WEFT_HERE)
#define wake_up_state(t, s) ((void)(s), weft_kx_wake_up_process((t), WEFT_HERE))
#define yield() weft_yield_at(WEFT_HERE)
#define cond_resched_lock(l) (cond_resched())
#define cond_resched_rcu() (cond_resched())

/* ---- linux/kthread.h --------------------------------------------------------- */

WEFT_KX_UNMODELLED("kthread_create (a created, not yet woken kthread; use "
		   "kthread_run)")
struct weft_ktask *weft_kx_kthread_create(void);
#define kthread_create(fn, data, namefmt, ...) weft_kx_kthread_create()
#define kthread_create_on_node(fn, data, node, namefmt, ...)                  \
	weft_kx_kthread_create()
#define kthread_create_on_cpu(fn, data, cpu, namefmt) weft_kx_kthread_create()
#define kthread_bind(t, cpu) ((void)(t), (void)(cpu))
#define kthread_run_on_cpu(fn, data, cpu, namefmt)                            \
	((void)(cpu), kthread_run(fn, data, namefmt))
WEFT_KX_UNMODELLED("kthread_park/kthread_unpark")
bool weft_kx_kthread_park(void);
#define kthread_park(t) weft_kx_kthread_park()
#define kthread_unpark(t) weft_kx_kthread_park()
#define kthread_should_park() weft_kx_kthread_park()
#define kthread_parkme() weft_kx_kthread_park()
#define set_freezable() ((void)0)
#define try_to_freeze() 0
#define freezing(t) 0
#define kthread_freezable_should_stop(was) kthread_should_stop()

/* ---- linux/smp.h, cpumask.h ------------------------------------------------ */

/* weft's Linux models give threads no CPU identity (every thread is a CPU
 * of its own; queue_work_on and add_timer_on ignore the CPU). */
WEFT_KX_UNMODELLED("CPU identity (smp_processor_id, get_cpu, on_each_cpu)")
int weft_kx_cpu(void);
#define smp_processor_id() weft_kx_cpu()
#define raw_smp_processor_id() weft_kx_cpu()
#define get_cpu() weft_kx_cpu()
#define put_cpu() weft_kx_cpu()
#define on_each_cpu(fn, info, wait) weft_kx_cpu()
#define smp_call_function_single(cpu, fn, info, wait) weft_kx_cpu()
#define num_online_cpus() weft_kx_cpu()
#define num_possible_cpus() weft_kx_cpu()
#define for_each_possible_cpu(cpu) for ((cpu) = weft_kx_cpu(); 0;)
#define for_each_online_cpu(cpu) for ((cpu) = weft_kx_cpu(); 0;)
#define smp_store_mb(var, value)                                              \
	do {                                                                  \
		WRITE_ONCE(var, value);                                       \
		smp_mb();                                                     \
	} while (0)
#define smp_mb__after_spinlock() smp_mb()
#define smp_mb__before_spinlock() smp_mb()
#define smp_mb__after_unlock_lock() smp_mb()
#define smp_acquire__after_ctrl_dep() smp_rmb()
#define dma_rmb() rmb()
#define dma_wmb() wmb()
#define smp_cond_load_relaxed(ptr, cond_expr)                                 \
	(__extension__({                                                      \
		__typeof__(ptr) weft_p_ = (ptr);                              \
		__typeof__(*(ptr)) VAL;                                       \
		for (;;) {                                                    \
			VAL = READ_ONCE(*weft_p_);                            \
			if (cond_expr)                                        \
				break;                                        \
			cpu_relax();                                          \
		}                                                             \
		VAL;                                                          \
	}))
#define smp_cond_load_acquire(ptr, cond_expr) smp_cond_load_relaxed(ptr, cond_expr)

/* ---- linux/atomic.h, cmpxchg ----------------------------------------------- */

/* cmpxchg, xchg and try_cmpxchg on plain integers and pointers: a marked
 * access (a scheduling point checked against the heap) and the operation
 * as one indivisible atomic. */
#define cmpxchg(ptr, o, n)                                                    \
	(__extension__({                                                      \
		__typeof__(ptr) weft_p_ = (ptr);                              \
		__typeof__(*weft_p_) weft_o_ = (o), weft_n_ = (n);            \
		weft_kaccess(weft_p_, sizeof *weft_p_, 1, "cmpxchg",          \
			     WEFT_HERE);                                      \
		__atomic_compare_exchange_n(weft_p_, &weft_o_, weft_n_, 0,    \
					    __ATOMIC_SEQ_CST,                 \
					    __ATOMIC_SEQ_CST);                \
		weft_o_;                                                      \
	}))
#define cmpxchg_relaxed(p, o, n) cmpxchg(p, o, n)
#define cmpxchg_acquire(p, o, n) cmpxchg(p, o, n)
#define cmpxchg_release(p, o, n) cmpxchg(p, o, n)
#define cmpxchg64(p, o, n) cmpxchg(p, o, n)
#define cmpxchg_local(p, o, n) cmpxchg(p, o, n)
#define sync_cmpxchg(p, o, n) cmpxchg(p, o, n)
#define xchg(ptr, v)                                                          \
	(__extension__({                                                      \
		__typeof__(ptr) weft_p_ = (ptr);                              \
		__typeof__(*weft_p_) weft_v_ = (v);                           \
		weft_kaccess(weft_p_, sizeof *weft_p_, 1, "xchg", WEFT_HERE); \
		__atomic_exchange_n(weft_p_, weft_v_, __ATOMIC_SEQ_CST);      \
	}))
#define xchg_relaxed(p, v) xchg(p, v)
#define xchg_acquire(p, v) xchg(p, v)
#define xchg_release(p, v) xchg(p, v)
#define try_cmpxchg(ptr, oldp, n)                                             \
	(__extension__({                                                      \
		__typeof__(ptr) weft_p_ = (ptr);                              \
		__typeof__(oldp) weft_op_ = (oldp);                           \
		__typeof__(*weft_p_) weft_n_ = (n);                           \
		weft_kaccess(weft_p_, sizeof *weft_p_, 1, "try_cmpxchg",      \
			     WEFT_HERE);                                      \
		__atomic_compare_exchange_n(weft_p_, weft_op_, weft_n_, 0,    \
					    __ATOMIC_SEQ_CST,                 \
					    __ATOMIC_SEQ_CST);                \
	}))
#define try_cmpxchg_relaxed(p, o, n) try_cmpxchg(p, o, n)
#define try_cmpxchg_acquire(p, o, n) try_cmpxchg(p, o, n)
#define try_cmpxchg_release(p, o, n) try_cmpxchg(p, o, n)
#define try_cmpxchg64(p, o, n) try_cmpxchg(p, o, n)

/* More of atomic_t and atomic_long_t, and atomic64_t (a long: 64 bits on
 * the LP64 machines weft runs on). */
_Static_assert(sizeof(long) == 8, "weft: atomic64_t needs a 64-bit long");
typedef struct {
	long counter;
} atomic64_t;
#define ATOMIC64_INIT(i) { (i) }
#define atomic_read_acquire(v) atomic_read(v)
#define atomic_set_release(v, i) atomic_set(v, i)
#define atomic_fetch_sub(i, v)                                                \
	((int)WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0, "atomic_fetch_sub"))
#define atomic_fetch_dec(v)                                                   \
	((int)WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0, "atomic_fetch_dec"))
#define atomic_fetch_add_unless(v, a, u)                                      \
	((int)WEFT_LX_KA(v, WEFT_KA_ADD_UNLESS, a, u, "atomic_fetch_add_unless"))
#define atomic_add_negative(i, v)                                             \
	((int)(WEFT_LX_KA(v, WEFT_KA_ADD, i, 0, "atomic_add_negative") + (i)) < 0)
#define atomic_inc_return_relaxed(v) atomic_inc_return(v)
#define atomic_dec_return_relaxed(v) atomic_dec_return(v)
#define atomic_add_return_relaxed(i, v) atomic_add_return(i, v)
#define atomic_fetch_add_relaxed(i, v) atomic_fetch_add(i, v)
#define atomic_try_cmpxchg(v, oldp, n)                                        \
	(__extension__({                                                      \
		int *weft_op_ = (oldp), weft_o_ = *weft_op_;                  \
		int weft_r_ = (int)WEFT_LX_KA(v, WEFT_KA_CMPXCHG, weft_o_, n, \
					      "atomic_try_cmpxchg");          \
		*weft_op_ = weft_r_;                                          \
		weft_r_ == weft_o_;                                           \
	}))
#define atomic_try_cmpxchg_relaxed(v, o, n) atomic_try_cmpxchg(v, o, n)
#define atomic_try_cmpxchg_acquire(v, o, n) atomic_try_cmpxchg(v, o, n)
#define atomic_try_cmpxchg_release(v, o, n) atomic_try_cmpxchg(v, o, n)
#define atomic_dec_if_positive(v)                                             \
	(__extension__({                                                      \
		int weft_c_ = atomic_read(v), weft_d_;                        \
		do {                                                          \
			weft_d_ = weft_c_ - 1;                                \
			if (weft_d_ < 0)                                      \
				break;                                        \
		} while (!atomic_try_cmpxchg(v, &weft_c_, weft_d_));          \
		weft_d_;                                                      \
	}))
#define atomic_dec_unless_positive(v)                                         \
	(__extension__({                                                      \
		int weft_c_ = atomic_read(v);                                 \
		bool weft_ok_ = false;                                        \
		while (weft_c_ <= 0) {                                        \
			if (atomic_try_cmpxchg(v, &weft_c_, weft_c_ - 1)) {   \
				weft_ok_ = true;                              \
				break;                                        \
			}                                                     \
		}                                                             \
		weft_ok_;                                                     \
	}))
#define atomic_inc_unless_negative(v)                                         \
	(__extension__({                                                      \
		int weft_c_ = atomic_read(v);                                 \
		bool weft_ok_ = false;                                        \
		while (weft_c_ >= 0) {                                        \
			if (atomic_try_cmpxchg(v, &weft_c_, weft_c_ + 1)) {   \
				weft_ok_ = true;                              \
				break;                                        \
			}                                                     \
		}                                                             \
		weft_ok_;                                                     \
	}))
/* Bitwise atomics as compare-exchange loops (each try one step). */
#define WEFT_KX_FETCH_OP(v, expr, nm)                                         \
	(__extension__({                                                      \
		__typeof__((v)->counter) weft_o_ =                            \
			(__typeof__((v)->counter))WEFT_LX_KA(v, WEFT_KA_READ, \
							     0, 0, nm);       \
		for (;;) {                                                    \
			__typeof__((v)->counter) weft_c_ = weft_o_;           \
			__typeof__((v)->counter) weft_n_ = (expr);            \
			weft_o_ = (__typeof__((v)->counter))WEFT_LX_KA(       \
				v, WEFT_KA_CMPXCHG, weft_c_, weft_n_, nm);    \
			if (weft_o_ == weft_c_)                               \
				break;                                        \
		}                                                             \
		weft_o_;                                                      \
	}))
#define atomic_fetch_and(i, v) WEFT_KX_FETCH_OP(v, weft_c_ & (i), "atomic_fetch_and")
#define atomic_fetch_or(i, v) WEFT_KX_FETCH_OP(v, weft_c_ | (i), "atomic_fetch_or")
#define atomic_fetch_xor(i, v) WEFT_KX_FETCH_OP(v, weft_c_ ^ (i), "atomic_fetch_xor")
#define atomic_fetch_andnot(i, v) WEFT_KX_FETCH_OP(v, weft_c_ & ~(i), "atomic_fetch_andnot")
#define atomic_and(i, v) ((void)atomic_fetch_and(i, v))
#define atomic_or(i, v) ((void)atomic_fetch_or(i, v))
#define atomic_xor(i, v) ((void)atomic_fetch_xor(i, v))
#define atomic_andnot(i, v) ((void)atomic_fetch_andnot(i, v))

#define atomic_long_sub(i, v)                                                 \
	((void)WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0, "atomic_long_sub"))
#define atomic_long_add_return(i, v)                                          \
	(WEFT_LX_KA(v, WEFT_KA_ADD, i, 0, "atomic_long_add_return") + (i))
#define atomic_long_sub_return(i, v)                                          \
	(WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0, "atomic_long_sub_return") - (i))
#define atomic_long_dec_return(v)                                             \
	(WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0, "atomic_long_dec_return") - 1)
#define atomic_long_fetch_add(i, v)                                           \
	WEFT_LX_KA(v, WEFT_KA_ADD, i, 0, "atomic_long_fetch_add")
#define atomic_long_fetch_sub(i, v)                                           \
	WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0, "atomic_long_fetch_sub")
#define atomic_long_xchg(v, n) WEFT_LX_KA(v, WEFT_KA_XCHG, n, 0, "atomic_long_xchg")
#define atomic_long_cmpxchg(v, o, n)                                          \
	WEFT_LX_KA(v, WEFT_KA_CMPXCHG, o, n, "atomic_long_cmpxchg")
#define atomic_long_try_cmpxchg(v, oldp, n)                                   \
	(__extension__({                                                      \
		long *weft_op_ = (oldp), weft_o_ = *weft_op_;                 \
		long weft_r_ = WEFT_LX_KA(v, WEFT_KA_CMPXCHG, weft_o_, n,     \
					  "atomic_long_try_cmpxchg");         \
		*weft_op_ = weft_r_;                                          \
		weft_r_ == weft_o_;                                           \
	}))
#define atomic_long_add_unless(v, a, u)                                       \
	(WEFT_LX_KA(v, WEFT_KA_ADD_UNLESS, a, u, "atomic_long_add_unless") != (u))
#define atomic_long_inc_not_zero(v)                                           \
	(WEFT_LX_KA(v, WEFT_KA_ADD_UNLESS, 1, 0, "atomic_long_inc_not_zero") != 0)
#define atomic_long_sub_and_test(i, v)                                        \
	(WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0, "atomic_long_sub_and_test") == (i))
#define atomic_long_read_acquire(v) atomic_long_read(v)
#define atomic_long_set_release(v, i) atomic_long_set(v, i)
#define atomic_long_or(i, v) ((void)WEFT_KX_FETCH_OP(v, weft_c_ | (i), "atomic_long_or"))
#define atomic_long_and(i, v) ((void)WEFT_KX_FETCH_OP(v, weft_c_ & (i), "atomic_long_and"))

#define atomic64_read(v) WEFT_LX_KA(v, WEFT_KA_READ, 0, 0, "atomic64_read")
#define atomic64_set(v, i) ((void)WEFT_LX_KA(v, WEFT_KA_SET, i, 0, "atomic64_set"))
#define atomic64_add(i, v) ((void)WEFT_LX_KA(v, WEFT_KA_ADD, i, 0, "atomic64_add"))
#define atomic64_sub(i, v)                                                    \
	((void)WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0, "atomic64_sub"))
#define atomic64_inc(v) ((void)WEFT_LX_KA(v, WEFT_KA_ADD, 1, 0, "atomic64_inc"))
#define atomic64_dec(v) ((void)WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0, "atomic64_dec"))
#define atomic64_add_return(i, v)                                             \
	(WEFT_LX_KA(v, WEFT_KA_ADD, i, 0, "atomic64_add_return") + (i))
#define atomic64_sub_return(i, v)                                             \
	(WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0, "atomic64_sub_return") - (i))
#define atomic64_inc_return(v)                                                \
	(WEFT_LX_KA(v, WEFT_KA_ADD, 1, 0, "atomic64_inc_return") + 1)
#define atomic64_dec_return(v)                                                \
	(WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0, "atomic64_dec_return") - 1)
#define atomic64_fetch_add(i, v)                                              \
	WEFT_LX_KA(v, WEFT_KA_ADD, i, 0, "atomic64_fetch_add")
#define atomic64_fetch_sub(i, v)                                              \
	WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0, "atomic64_fetch_sub")
#define atomic64_dec_and_test(v)                                              \
	(WEFT_LX_KA(v, WEFT_KA_ADD, -1, 0, "atomic64_dec_and_test") == 1)
#define atomic64_inc_and_test(v)                                              \
	(WEFT_LX_KA(v, WEFT_KA_ADD, 1, 0, "atomic64_inc_and_test") == -1)
#define atomic64_sub_and_test(i, v)                                           \
	(WEFT_LX_KA(v, WEFT_KA_ADD, -(long)(i), 0, "atomic64_sub_and_test") == (i))
#define atomic64_xchg(v, n) WEFT_LX_KA(v, WEFT_KA_XCHG, n, 0, "atomic64_xchg")
#define atomic64_cmpxchg(v, o, n)                                             \
	WEFT_LX_KA(v, WEFT_KA_CMPXCHG, o, n, "atomic64_cmpxchg")
#define atomic64_try_cmpxchg(v, oldp, n)                                      \
	(__extension__({                                                      \
		long *weft_op_ = (long *)(oldp), weft_o_ = *weft_op_;         \
		long weft_r_ = WEFT_LX_KA(v, WEFT_KA_CMPXCHG, weft_o_, n,     \
					  "atomic64_try_cmpxchg");            \
		*weft_op_ = weft_r_;                                          \
		weft_r_ == weft_o_;                                           \
	}))
#define atomic64_add_unless(v, a, u)                                          \
	(WEFT_LX_KA(v, WEFT_KA_ADD_UNLESS, a, u, "atomic64_add_unless") != (u))
#define atomic64_inc_not_zero(v)                                              \
	(WEFT_LX_KA(v, WEFT_KA_ADD_UNLESS, 1, 0, "atomic64_inc_not_zero") != 0)
#define atomic64_or(i, v) ((void)WEFT_KX_FETCH_OP(v, weft_c_ | (i), "atomic64_or"))
#define atomic64_and(i, v) ((void)WEFT_KX_FETCH_OP(v, weft_c_ & (i), "atomic64_and"))

/* ---- linux/bitops.h, bits.h, bitmap.h ------------------------------------ */

#define BIT_ULL(n) (1ULL << (n))
#define BIT_MASK(nr) (1UL << ((nr) % BITS_PER_LONG))
#define BIT_WORD(nr) ((nr) / BITS_PER_LONG)
#define BITS_PER_BYTE 8
#define BITS_PER_LONG_LONG 64
#define GENMASK(h, l)                                                         \
	(((~0UL) - (1UL << (l)) + 1) & (~0UL >> (BITS_PER_LONG - 1 - (h))))
#define GENMASK_ULL(h, l)                                                     \
	(((~0ULL) - (1ULL << (l)) + 1) & (~0ULL >> (63 - (h))))
#define __test_and_set_bit(nr, a) test_and_set_bit(nr, a)
#define __test_and_clear_bit(nr, a) test_and_clear_bit(nr, a)
#define __change_bit(nr, a) change_bit(nr, a)
#define __clear_bit_unlock(nr, a) clear_bit_unlock(nr, a)
#define test_bit_acquire(nr, a) test_bit(nr, a)
#define assign_bit(nr, a, v)                                                  \
	do {                                                                  \
		if (v)                                                        \
			set_bit(nr, a);                                       \
		else                                                          \
			clear_bit(nr, a);                                     \
	} while (0)
#define __assign_bit(nr, a, v) assign_bit(nr, a, v)
static inline int weft_kx_fls(unsigned int x)
{
	return x ? 32 - __builtin_clz(x) : 0;
}
#define fls(x) weft_kx_fls(x)
#define fls64(x) ((u64)(x) ? 64 - __builtin_clzll((u64)(x)) : 0)
#define fls_long(x) fls64(x)
#define ffs(x) __builtin_ffs(x)
#define __ffs(x) ((unsigned long)__builtin_ctzl(x))
#define __fls(x) ((unsigned long)(BITS_PER_LONG - 1 - __builtin_clzl(x)))
#define ffz(x) __ffs(~(x))
#define hweight8(x) __builtin_popcount((u8)(x))
#define hweight16(x) __builtin_popcount((u16)(x))
#define hweight32(x) __builtin_popcount((u32)(x))
#define hweight64(x) __builtin_popcountll((u64)(x))
#define hweight_long(x) __builtin_popcountl(x)
#define ilog2(n) (fls64(n) - 1)
#define is_power_of_2(n) ((n) != 0 && (((n) & ((n) - 1)) == 0))
#define roundup_pow_of_two(n) (1UL << fls_long((n) - 1))
#define rounddown_pow_of_two(n) (1UL << (fls_long(n) - 1))
/* Searching bits reads the words with plain loads, as the kernel's
 * find_*_bit do. */
static inline unsigned long weft_kx_find_next(const unsigned long *a,
					      unsigned long size,
					      unsigned long off, int want)
{
	while (off < size) {
		unsigned long w = a[off / BITS_PER_LONG];

		if (!want)
			w = ~w;
		w &= ~0UL << (off % BITS_PER_LONG);
		if (w) {
			off = off - off % BITS_PER_LONG +
			      (unsigned long)__builtin_ctzl(w);
			return off < size ? off : size;
		}
		off = off - off % BITS_PER_LONG + BITS_PER_LONG;
	}
	return size;
}
#define find_next_bit(a, size, off) weft_kx_find_next((a), (size), (off), 1)
#define find_next_zero_bit(a, size, off) weft_kx_find_next((a), (size), (off), 0)
#define find_first_bit(a, size) weft_kx_find_next((a), (size), 0, 1)
#define find_first_zero_bit(a, size) weft_kx_find_next((a), (size), 0, 0)
#define for_each_set_bit(bit, a, size)                                        \
	for ((bit) = find_first_bit((a), (size)); (bit) < (size);             \
	     (bit) = find_next_bit((a), (size), (bit) + 1))
#define for_each_clear_bit(bit, a, size)                                      \
	for ((bit) = find_first_zero_bit((a), (size)); (bit) < (size);        \
	     (bit) = find_next_zero_bit((a), (size), (bit) + 1))
#define bitmap_zero(dst, nbits)                                               \
	memset((dst), 0, BITS_TO_LONGS(nbits) * sizeof(unsigned long))
#define bitmap_fill(dst, nbits)                                               \
	memset((dst), 0xff, BITS_TO_LONGS(nbits) * sizeof(unsigned long))
#define bitmap_empty(src, nbits) (find_first_bit((src), (nbits)) >= (nbits))
#define bitmap_full(src, nbits) (find_first_zero_bit((src), (nbits)) >= (nbits))

/* ---- linux/refcount.h, kref.h ---------------------------------------------- */

#define refcount_dec_and_lock(r, l)                                           \
	(__extension__({                                                      \
		bool weft_z_;                                                 \
		spin_lock(l);                                                 \
		weft_z_ = weft_refcount_add((r), -1, 0, 1,                    \
					    "refcount_dec_and_lock",          \
					    WEFT_HERE);                       \
		if (!weft_z_)                                                 \
			spin_unlock(l);                                       \
		weft_z_;                                                      \
	}))
#define refcount_dec_and_mutex_lock(r, m) refcount_dec_and_lock(r, m)
#define refcount_dec_and_lock_irqsave(r, l, flags)                            \
	((*(flags) = 0), refcount_dec_and_lock(r, l))
#define refcount_inc_not_zero_acquire(r) refcount_inc_not_zero(r)
#define refcount_add_not_zero(n, r)                                           \
	(weft_refcount_add((r), (n), 1, 0, "refcount_add_not_zero", WEFT_HERE))

/* ---- linux/rcupdate.h, rculist.h ----------------------------------------- */

#define synchronize_rcu_expedited() synchronize_rcu()
#define synchronize_rcu_bh() synchronize_rcu()
#define synchronize_sched() synchronize_rcu()
#define synchronize_rcu_tasks() synchronize_rcu()
#define call_rcu_hurry(h, f) call_rcu(h, f)
#define call_rcu_bh(h, f) call_rcu(h, f)
#define call_rcu_sched(h, f) call_rcu(h, f)
#define rcu_barrier_bh() rcu_barrier()
#define rcu_barrier_sched() rcu_barrier()
#define kvfree_rcu(...) WEFT_KX_KVFREE_RCU(__VA_ARGS__, 2, 1)
#define WEFT_KX_KVFREE_RCU(p, f, n, ...) WEFT_KX_KVFREE_RCU_##n(p, f)
#define WEFT_KX_KVFREE_RCU_2(p, f) kfree_rcu(p, f)
#define WEFT_KX_KVFREE_RCU_1(p, f)                                            \
	do {                                                                  \
		synchronize_rcu();                                            \
		kvfree(p);                                                    \
	} while (0)
#define kfree_rcu_mightsleep(p)                                               \
	do {                                                                  \
		synchronize_rcu();                                            \
		kfree(p);                                                     \
	} while (0)
#define kvfree_rcu_mightsleep(p) kfree_rcu_mightsleep(p)
#define rcu_read_lock_bh_held() rcu_read_lock_held()
#define rcu_read_lock_sched_held() rcu_read_lock_held()
#define rcu_read_lock_any_held() rcu_read_lock_held()
#define rcu_dereference_bh_check(p, c) rcu_dereference_check(p, c)
#define rcu_dereference_sched_check(p, c) rcu_dereference_check(p, c)
#define rcu_dereference_raw_check(p) rcu_dereference_raw(p)
#define rcu_dereference_rtnl(p) rcu_dereference_check(p, lockdep_rtnl_is_held())
#define rtnl_dereference(p) rcu_dereference_protected(p, lockdep_rtnl_is_held())
#define rcu_pointer_handoff(p) (p)
#define unrcu_pointer(p) (p)
#define RCU_INITIALIZER(v) (v)
#define RCU_LOCKDEP_WARN(c, s) WARN_ON(c)
#define RCU_NONIDLE(a) a
#define init_rcu_head(h) ((void)(h))
#define destroy_rcu_head(h) ((void)(h))
#define init_rcu_head_on_stack(h) ((void)(h))
#define destroy_rcu_head_on_stack(h) ((void)(h))
#define rcu_head_init(h) ((void)(h))
#define rcu_is_watching() 1
#define rcu_sleep_check() ((void)0)
#define list_tail_rcu(head) (*((struct list_head __rcu **)(&(head)->prev)))
#define list_for_each_entry_srcu(pos, head, member, c)                        \
	list_for_each_entry_rcu(pos, head, member)
#define hlist_first_rcu(h) (*((struct hlist_node __rcu **)(&(h)->first)))
#define hlist_next_rcu(n) (*((struct hlist_node __rcu **)(&(n)->next)))
#define list_next_or_null_rcu(head, ptr, type, member)                        \
	(__extension__({                                                      \
		struct list_head *weft_h_ = (head);                           \
		struct list_head *weft_n_ =                                   \
			WEFT_LX_RCU_LOAD((ptr)->next, WEFT_RCU_DEREF);        \
		weft_n_ != weft_h_ ? list_entry(weft_n_, type, member) : NULL; \
	}))
#define list_for_each_entry_continue_rcu(pos, head, member)                   \
	for (pos = list_entry_rcu(pos->member.next, __typeof__(*pos), member); \
	     &pos->member != (head);                                          \
	     pos = list_entry_rcu(pos->member.next, __typeof__(*pos), member))
#define hlist_for_each_entry_rcu_bh(pos, head, member)                        \
	hlist_for_each_entry_rcu(pos, head, member)
static inline void weft_kx_hlist_add_behind_rcu(struct hlist_node *n,
						struct hlist_node *prev,
						const struct weft_loc *loc)
{
	n->next = prev->next;
	n->pprev = &prev->next;
	weft_rcu_store((void **)&prev->next, n, loc);
	if (n->next)
		n->next->pprev = &n->next;
}
#define hlist_add_behind_rcu(n, prev)                                         \
	weft_kx_hlist_add_behind_rcu((n), (prev), WEFT_HERE)
static inline void weft_kx_list_del_init_rcu(struct list_head *e,
					     const struct weft_loc *loc)
{
	e->next->prev = e->prev;
	weft_rcu_store((void **)&e->prev->next, e->next, loc);
	INIT_LIST_HEAD(e);
}
#define list_del_init_rcu(e) weft_kx_list_del_init_rcu((e), WEFT_HERE)

/* ---- linux/list.h ------------------------------------------------------------ */

#define list_prev_entry(pos, member)                                          \
	list_entry((pos)->member.prev, __typeof__(*(pos)), member)
static inline int list_is_last(const struct list_head *l,
			       const struct list_head *head)
{
	return l->next == head;
}
static inline int list_is_first(const struct list_head *l,
				const struct list_head *head)
{
	return l->prev == head;
}
static inline int list_is_head(const struct list_head *l,
			       const struct list_head *head)
{
	return l == head;
}
static inline int list_empty_careful(const struct list_head *head)
{
	struct list_head *next = head->next;
	return next == head && next == head->prev;
}
#define list_del_init_careful(e) list_del_init(e)
static inline void weft_kx_list_splice(const struct list_head *list,
				       struct list_head *prev,
				       struct list_head *next)
{
	struct list_head *first = list->next, *last = list->prev;

	first->prev = prev;
	prev->next = first;
	last->next = next;
	next->prev = last;
}
static inline void list_splice(const struct list_head *list,
			       struct list_head *head)
{
	if (!list_empty(list))
		weft_kx_list_splice(list, head, head->next);
}
static inline void list_splice_tail(struct list_head *list,
				    struct list_head *head)
{
	if (!list_empty(list))
		weft_kx_list_splice(list, head->prev, head);
}
static inline void list_splice_tail_init(struct list_head *list,
					 struct list_head *head)
{
	if (!list_empty(list)) {
		weft_kx_list_splice(list, head->prev, head);
		INIT_LIST_HEAD(list);
	}
}
static inline void list_rotate_left(struct list_head *head)
{
	if (!list_empty(head))
		list_move_tail(head->next, head);
}
static inline size_t list_count_nodes(struct list_head *head)
{
	size_t n = 0;
	for (struct list_head *p = head->next; p != head; p = p->next)
		n++;
	return n;
}
static inline void list_replace_init(struct list_head *old,
				     struct list_head *n)
{
	list_replace(old, n);
	INIT_LIST_HEAD(old);
}
static inline void list_swap(struct list_head *e1, struct list_head *e2)
{
	struct list_head *pos = e2->prev;

	list_del(e2);
	list_replace(e1, e2);
	if (pos == e1)
		pos = e2;
	list_add(e1, pos);
}
#define list_for_each_prev(pos, head)                                         \
	for (pos = (head)->prev; pos != (head); pos = pos->prev)
#define list_for_each_entry_reverse(pos, head, member)                        \
	for (pos = list_last_entry(head, __typeof__(*pos), member);           \
	     &pos->member != (head); pos = list_prev_entry(pos, member))
#define list_for_each_entry_continue(pos, head, member)                       \
	for (pos = list_next_entry(pos, member); &pos->member != (head);      \
	     pos = list_next_entry(pos, member))
#define list_for_each_entry_from(pos, head, member)                           \
	for (; &pos->member != (head); pos = list_next_entry(pos, member))
#define list_for_each_entry_safe_reverse(pos, n, head, member)                \
	for (pos = list_last_entry(head, __typeof__(*pos), member),           \
	    n = list_prev_entry(pos, member);                                 \
	     &pos->member != (head); pos = n, n = list_prev_entry(n, member))
#define list_safe_reset_next(pos, n, member) n = list_next_entry(pos, member)
#define hlist_for_each(pos, head)                                             \
	for (pos = (head)->first; pos; pos = pos->next)
#define hlist_for_each_safe(pos, n, head)                                     \
	for (pos = (head)->first; pos && ({ n = pos->next; 1; }); pos = n)
static inline void hlist_add_before(struct hlist_node *n,
				    struct hlist_node *next)
{
	n->pprev = next->pprev;
	n->next = next;
	next->pprev = &n->next;
	*(n->pprev) = n;
}
static inline void hlist_add_behind(struct hlist_node *n,
				    struct hlist_node *prev)
{
	n->next = prev->next;
	prev->next = n;
	n->pprev = &prev->next;
	if (n->next)
		n->next->pprev = &n->next;
}
static inline int hlist_is_singular_node(struct hlist_node *n,
					 struct hlist_head *h)
{
	return !n->next && n->pprev == &h->first;
}

/* ---- linux/llist.h: lock-free singly linked lists ------------------------- */

struct llist_head {
	struct llist_node *first;
};
struct llist_node {
	struct llist_node *next;
};
#define LLIST_HEAD_INIT(name) { NULL }
#define LLIST_HEAD(name) struct llist_head name = LLIST_HEAD_INIT(name)
static inline void init_llist_head(struct llist_head *list)
{
	list->first = NULL;
}
static inline void init_llist_node(struct llist_node *node)
{
	node->next = node;
}
static inline bool llist_on_list(const struct llist_node *node)
{
	return node->next != node;
}
#define llist_entry(ptr, type, member) container_of(ptr, type, member)
#define member_address_is_nonnull(ptr, member)                                \
	((uintptr_t)(ptr) + offsetof(__typeof__(*(ptr)), member) != 0)
#define llist_for_each(pos, node) for ((pos) = (node); pos; (pos) = (pos)->next)
#define llist_for_each_safe(pos, n, node)                                     \
	for ((pos) = (node); (pos) && ((n) = (pos)->next, true); (pos) = (n))
#define llist_for_each_entry(pos, node, member)                               \
	for ((pos) = llist_entry((node), __typeof__(*(pos)), member);         \
	     member_address_is_nonnull(pos, member);                          \
	     (pos) = llist_entry((pos)->member.next, __typeof__(*(pos)), member))
#define llist_for_each_entry_safe(pos, n, node, member)                       \
	for (pos = llist_entry((node), __typeof__(*pos), member);             \
	     member_address_is_nonnull(pos, member) &&                        \
	     (n = llist_entry(pos->member.next, __typeof__(*n), member), true); \
	     pos = n)
#define llist_empty(head) (READ_ONCE((head)->first) == NULL)
static inline struct llist_node *llist_next(struct llist_node *node)
{
	return node->next;
}
#define llist_add_batch(nf, nl, head)                                         \
	(__extension__({                                                      \
		struct llist_node *weft_nf_ = (nf), *weft_nl_ = (nl);         \
		struct llist_head *weft_h_ = (head);                          \
		struct llist_node *weft_f_ = READ_ONCE(weft_h_->first);       \
		do {                                                          \
			weft_nl_->next = weft_f_;                             \
		} while (!try_cmpxchg(&weft_h_->first, &weft_f_, weft_nf_));  \
		weft_f_ == NULL;                                              \
	}))
#define llist_add(n, head)                                                    \
	(__extension__({                                                      \
		struct llist_node *weft_n1_ = (n);                            \
		llist_add_batch(weft_n1_, weft_n1_, (head));                  \
	}))
#define __llist_add(n, head) llist_add(n, head)
#define llist_del_all(head) xchg(&(head)->first, NULL)
#define __llist_del_all(head) llist_del_all(head)
#define llist_del_first(head)                                                 \
	(__extension__({                                                      \
		struct llist_head *weft_h_ = (head);                          \
		struct llist_node *weft_e_ = READ_ONCE(weft_h_->first);       \
		do {                                                          \
			if (weft_e_ == NULL)                                  \
				break;                                        \
		} while (!try_cmpxchg(&weft_h_->first, &weft_e_,              \
				      READ_ONCE(weft_e_->next)));             \
		weft_e_;                                                      \
	}))
static inline struct llist_node *llist_reverse_order(struct llist_node *head)
{
	struct llist_node *new_head = NULL;

	while (head) {
		struct llist_node *tmp = head;
		head = head->next;
		tmp->next = new_head;
		new_head = tmp;
	}
	return new_head;
}

/* ---- linux/hash.h, hashtable.h --------------------------------------------- */

#define GOLDEN_RATIO_32 0x61C88647u
#define GOLDEN_RATIO_64 0x61C8864680B583EBull
static inline u32 hash_32(u32 val, unsigned int bits)
{
	return (val * GOLDEN_RATIO_32) >> (32 - bits);
}
static inline u32 hash_64(u64 val, unsigned int bits)
{
	return (u32)((val * GOLDEN_RATIO_64) >> (64 - bits));
}
#define hash_long(val, bits) hash_64((u64)(val), bits)
#define hash_ptr(p, bits) hash_long((unsigned long)(p), bits)
#define DEFINE_HASHTABLE(name, bits)                                          \
	struct hlist_head name[1 << (bits)] = { [0 ...((1 << (bits)) - 1)] =  \
							HLIST_HEAD_INIT }
#define DECLARE_HASHTABLE(name, bits) struct hlist_head name[1 << (bits)]
#define HASH_SIZE(name) (ARRAY_SIZE(name))
#define HASH_BITS(name) ilog2(HASH_SIZE(name))
#define hash_min(val, bits)                                                   \
	(sizeof(val) <= 4 ? hash_32((u32)(val), bits) : hash_long(val, bits))
static inline void weft_kx_hash_init(struct hlist_head *ht, unsigned int sz)
{
	for (unsigned int i = 0; i < sz; i++)
		INIT_HLIST_HEAD(&ht[i]);
}
#define hash_init(ht) weft_kx_hash_init(ht, HASH_SIZE(ht))
#define hash_add(ht, node, key)                                               \
	hlist_add_head(node, &ht[hash_min(key, HASH_BITS(ht))])
#define hash_add_rcu(ht, node, key)                                           \
	hlist_add_head_rcu(node, &ht[hash_min(key, HASH_BITS(ht))])
#define hash_hashed(node) (!hlist_unhashed(node))
static inline bool weft_kx_hash_empty(struct hlist_head *ht, unsigned int sz)
{
	for (unsigned int i = 0; i < sz; i++)
		if (!hlist_empty(&ht[i]))
			return false;
	return true;
}
#define hash_empty(ht) weft_kx_hash_empty(ht, HASH_SIZE(ht))
#define hash_del(node) hlist_del_init(node)
#define hash_del_rcu(node) hlist_del_init_rcu(node)
#define hash_for_each(name, bkt, obj, member)                                 \
	for ((bkt) = 0, obj = NULL; obj == NULL && (bkt) < HASH_SIZE(name);   \
	     (bkt)++)                                                         \
		hlist_for_each_entry(obj, &name[bkt], member)
#define hash_for_each_rcu(name, bkt, obj, member)                             \
	for ((bkt) = 0, obj = NULL; obj == NULL && (bkt) < HASH_SIZE(name);   \
	     (bkt)++)                                                         \
		hlist_for_each_entry_rcu(obj, &name[bkt], member)
#define hash_for_each_safe(name, bkt, tmp, obj, member)                       \
	for ((bkt) = 0, obj = NULL; obj == NULL && (bkt) < HASH_SIZE(name);   \
	     (bkt)++)                                                         \
		hlist_for_each_entry_safe(obj, tmp, &name[bkt], member)
#define hash_for_each_possible(name, obj, member, key)                        \
	hlist_for_each_entry(obj, &name[hash_min(key, HASH_BITS(name))], member)
#define hash_for_each_possible_rcu(name, obj, member, key, ...)               \
	hlist_for_each_entry_rcu(obj, &name[hash_min(key, HASH_BITS(name))],  \
				 member)
#define hash_for_each_possible_rcu_notrace(name, obj, member, key)            \
	hash_for_each_possible_rcu(name, obj, member, key)
#define hash_for_each_possible_safe(name, obj, tmp, member, key)              \
	hlist_for_each_entry_safe(obj, tmp,                                   \
				  &name[hash_min(key, HASH_BITS(name))], member)

/* ---- linux/interrupt.h: tasklets (interrupts are not modelled) ----------
 *
 * A tasklet runs its function in atomic context, never twice at once,
 * once per tasklet_schedule that found it not scheduled; here it is a work
 * item of system_highpri_wq whose function is an atomic section.
 * tasklet_kill waits until a scheduled tasklet has run.  Hard interrupts
 * (request_irq and its handlers) are not modelled. */
struct tasklet_struct {
	struct weft_work work;
	void (*func)(unsigned long);
	unsigned long data;
	void (*callback)(struct tasklet_struct *);
	bool use_callback;
};
static inline void weft_kx_tasklet_run(struct weft_work *w)
{
	struct tasklet_struct *t = container_of(w, struct tasklet_struct, work);

	weft_kx_atomic(1, "tasklet", WEFT_HERE);
	if (t->use_callback)
		t->callback(t);
	else
		t->func(t->data);
	weft_kx_atomic(-1, "tasklet", WEFT_HERE);
}
#define DECLARE_TASKLET(n, cb)                                                \
	struct tasklet_struct n = { .work = WEFT_WORK_INIT(weft_kx_tasklet_run, #cb), \
				    .callback = (cb), .use_callback = true }
#define DECLARE_TASKLET_OLD(n, fn)                                            \
	struct tasklet_struct n = { .work = WEFT_WORK_INIT(weft_kx_tasklet_run, #fn), \
				    .func = (fn) }
#define tasklet_init(t, fn, d)                                                \
	do {                                                                  \
		weft_work_init(&(t)->work, weft_kx_tasklet_run, #fn, WEFT_HERE); \
		(t)->func = (fn);                                             \
		(t)->data = (d);                                              \
		(t)->use_callback = false;                                    \
	} while (0)
#define tasklet_setup(t, cb)                                                  \
	do {                                                                  \
		weft_work_init(&(t)->work, weft_kx_tasklet_run, #cb, WEFT_HERE); \
		(t)->callback = (cb);                                         \
		(t)->use_callback = true;                                     \
	} while (0)
#define from_tasklet(var, t, field) container_of((t), __typeof__(*(var)), field)
#define tasklet_schedule(t)                                                   \
	((void)weft_work_queue(&weft_system_highpri_wq, &(t)->work, WEFT_HERE))
#define tasklet_hi_schedule(t) tasklet_schedule(t)
#define tasklet_kill(t) ((void)weft_work_flush(&(t)->work, WEFT_HERE))
WEFT_KX_UNMODELLED("tasklet_disable/tasklet_enable")
void weft_kx_tasklet_disable(void);
#define tasklet_disable(t) weft_kx_tasklet_disable()
#define tasklet_disable_nosync(t) weft_kx_tasklet_disable()
#define tasklet_enable(t) weft_kx_tasklet_disable()
#define tasklet_unlock_wait(t) weft_kx_tasklet_disable()

typedef int irqreturn_t;
#define IRQ_NONE 0
#define IRQ_HANDLED 1
#define IRQ_WAKE_THREAD 2
#define IRQF_SHARED 0x80u
#define IRQF_ONESHOT 0x2000u
#define IRQF_TRIGGER_NONE 0u
typedef irqreturn_t (*irq_handler_t)(int, void *);
WEFT_KX_UNMODELLED("hard interrupts (request_irq and interrupt handlers)")
int weft_kx_request_irq(void);
#define request_irq(irq, h, flags, name, dev) weft_kx_request_irq()
#define request_threaded_irq(irq, h, th, flags, name, dev) weft_kx_request_irq()
#define devm_request_irq(d, irq, h, flags, name, dev) weft_kx_request_irq()
#define devm_request_threaded_irq(d, irq, h, th, fl, name, dev) weft_kx_request_irq()
#define free_irq(irq, dev) weft_kx_request_irq()
#define disable_irq(irq) weft_kx_request_irq()
#define disable_irq_nosync(irq) weft_kx_request_irq()
#define enable_irq(irq) weft_kx_request_irq()
#define synchronize_irq(irq) weft_kx_request_irq()

/* ---- kthread stop bookkeeping is in weft/linux.h; rtnl too ---------------- */

#endif
