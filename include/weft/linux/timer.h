/* weft/linux/timer.h - part of <weft/linux.h>:
 * time and timers.
 * Include <weft/linux.h>, which includes the parts in order (later
 * parts use earlier ones). */
#ifndef WEFT_LINUX_TIMER_H
#define WEFT_LINUX_TIMER_H
#ifndef WEFT_LINUX_H
#error "include <weft/linux.h>, not its parts"
#endif

#define HZ WEFT_HZ
#define INITIAL_JIFFIES WEFT_INITIAL_JIFFIES
#define MAX_SCHEDULE_TIMEOUT LONG_MAX
/* An lvalue, as the kernel's (READ_ONCE(jiffies)); each use a read. */
#define jiffies (*weft_jiffies_ref(WEFT_HERE))
#define time_after(a, b) ((long)((b) - (a)) < 0)
#define time_before(a, b) time_after(b, a)
#define time_after_eq(a, b) ((long)((a) - (b)) >= 0)
#define time_before_eq(a, b) time_after_eq(b, a)
#define time_is_before_jiffies(a) time_after(jiffies, a)
#define time_is_after_jiffies(a) time_before(jiffies, a)

static inline unsigned long msecs_to_jiffies(unsigned int m)
{
	return ((unsigned long)m * HZ + 999) / 1000;
}
static inline unsigned long usecs_to_jiffies(unsigned int u)
{
	return ((unsigned long)u * HZ + 999999) / 1000000;
}
static inline unsigned int jiffies_to_msecs(unsigned long j)
{
	return (unsigned int)(j * 1000 / HZ);
}
/* msleep sleeps at least one tick, like the kernel's. */
static inline unsigned long weft_lx_ticks(unsigned long t)
{
	return t ? t : 1;
}
#define msleep(ms)                                                            \
	((void)weft_ksleep(weft_lx_ticks(msecs_to_jiffies(ms)), "msleep",     \
			   WEFT_HERE))
#define msleep_interruptible(ms)                                              \
	((unsigned long)weft_ksleep(weft_lx_ticks(msecs_to_jiffies(ms)),      \
				    "msleep_interruptible", WEFT_HERE))
#define ssleep(s) msleep((s) * 1000)
#define usleep_range(lo, hi)                                                  \
	((void)(hi), (void)weft_ksleep(weft_lx_ticks(usecs_to_jiffies(lo)),   \
				       "usleep_range", WEFT_HERE))
#define schedule_timeout(t) weft_ksleep((t), "schedule_timeout", WEFT_HERE)
#define schedule_timeout_interruptible(t)                                     \
	weft_ksleep((t), "schedule_timeout_interruptible", WEFT_HERE)
#define schedule_timeout_uninterruptible(t)                                   \
	weft_ksleep((t), "schedule_timeout_uninterruptible", WEFT_HERE)
#define schedule_timeout_killable(t)                                          \
	weft_ksleep((t), "schedule_timeout_killable", WEFT_HERE)
#define TASK_RUNNING 0
#define TASK_INTERRUPTIBLE 1
#define TASK_UNINTERRUPTIBLE 2
#define set_current_state(s) ((void)(s))
#define __set_current_state(s) ((void)(s))
#define udelay(n) weft_kdelay("udelay", WEFT_HERE)
#define ndelay(n) weft_kdelay("ndelay", WEFT_HERE)
#define mdelay(n) weft_kdelay("mdelay", WEFT_HERE)

#define timer_list weft_timer
#define DEFINE_TIMER(n, f) struct weft_timer n = { .fn = (f), .name = #f }
#define timer_setup(t, f, flags)                                              \
	weft_timer_init((t), (f), (flags), #f, WEFT_HERE)
#define from_timer(var, t, field) container_of((t), __typeof__(*(var)), field)
#define timer_container_of(var, t, field) from_timer(var, t, field)
#define mod_timer(t, e) weft_timer_mod((t), (e), WEFT_HERE)
#define add_timer(t) weft_timer_add((t), WEFT_HERE)
#define del_timer(t) weft_timer_del((t), 0, 0, WEFT_HERE)
#define del_timer_sync(t) weft_timer_del((t), 1, 0, WEFT_HERE)
#define timer_delete(t) weft_timer_del((t), 0, 0, WEFT_HERE)
#define timer_delete_sync(t) weft_timer_del((t), 1, 0, WEFT_HERE)
/* After a shutdown, mod_timer and add_timer do nothing (until
 * timer_setup), as in the kernel, where they are a teardown's last word:
 * a thread or the callback itself re-arming the timer meanwhile does not
 * bring it back. */
#define timer_shutdown(t) weft_timer_del((t), 0, 1, WEFT_HERE)
#define timer_shutdown_sync(t) weft_timer_del((t), 1, 1, WEFT_HERE)
#define timer_pending(t) (weft_timer_pending((t), WEFT_HERE))

#endif
