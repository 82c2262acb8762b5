/* linux/weft/jiffies.h - part of linux/weft_kernel.h, which includes
 * its parts in order (each may use the names of those before it);
 * kernel code never includes a part itself.  jiffies, ktime_t and the
 * time conversions of <linux/jiffies.h>, ktime.h and time64.h, all over
 * weft's virtual clock, so that time passes only when the explorer lets
 * it. */
#ifndef WEFT_KERNEL_LINUX_WEFT_JIFFIES_H
#define WEFT_KERNEL_LINUX_WEFT_JIFFIES_H

#ifndef WEFT_KERNEL_H
#error "weft: include <linux/weft_kernel.h>, not its parts"
#endif

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

#endif
