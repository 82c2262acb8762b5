/* linux/weft/compiler.h - part of linux/weft_kernel.h, which includes
 * its parts in order (each may use the names of those before it);
 * kernel code never includes a part itself.  The attribute, annotation
 * and compile-time check macros of <linux/compiler.h>, compiler_types.h
 * and build_bug.h, each defined only when the compiler's headers have
 * not: kernel source uses them everywhere, and most change nothing weft
 * explores. */
#ifndef WEFT_KERNEL_LINUX_WEFT_COMPILER_H
#define WEFT_KERNEL_LINUX_WEFT_COMPILER_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

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

/* data_race(expr) tells KCSAN that expr's accesses race on purpose:
 * weft's race detector leaves them out, as KCSAN does (weft/race.h). */
#define data_race(expr) WEFT_DATA_RACE(expr)
/* KCSAN's assertions that no other thread writes (or accesses) var at the
 * same time: weft does not check them, and doing nothing verified a
 * program whose unlocked WRITE_ONCE broke one (a probe of the kernel
 * memory model), so a use does not compile. */
WEFT_KX_UNMODELLED("ASSERT_EXCLUSIVE_WRITER/ASSERT_EXCLUSIVE_ACCESS "
		   "(KCSAN's assertions)")
int weft_kx_assert_exclusive(void);
#define ASSERT_EXCLUSIVE_WRITER(var) ((void)weft_kx_assert_exclusive())
#define ASSERT_EXCLUSIVE_ACCESS(var) ((void)weft_kx_assert_exclusive())

#endif
