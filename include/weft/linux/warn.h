/* weft/linux/warn.h - part of <weft/linux.h>:
 * warnings and context.
 * Include <weft/linux.h>, which includes the parts in order (later
 * parts use earlier ones). */
#ifndef WEFT_LINUX_WARN_H
#define WEFT_LINUX_WARN_H
#ifndef WEFT_LINUX_H
#error "include <weft/linux.h>, not its parts"
#endif

#define WARN_ON(c)                                                            \
	(__extension__({                                                      \
		int weft_w_ = !!(c);                                          \
		if (weft_w_)                                                  \
			weft_kwarn("WARN_ON", #c, WEFT_HERE);                 \
		weft_w_;                                                      \
	}))
#define WARN_ON_ONCE(c)                                                       \
	(__extension__({                                                      \
		int weft_w_ = !!(c);                                          \
		if (weft_w_)                                                  \
			weft_kwarn("WARN_ON_ONCE", #c, WEFT_HERE);            \
		weft_w_;                                                      \
	}))
#define WARN(c, ...)                                                          \
	(__extension__({                                                      \
		int weft_w_ = !!(c);                                          \
		if (weft_w_)                                                  \
			weft_kwarn("WARN", #c, WEFT_HERE);                    \
		weft_w_;                                                      \
	}))
#define BUG_ON(c)                                                             \
	do {                                                                  \
		if (c)                                                        \
			weft_kwarn("BUG_ON", #c, WEFT_HERE);                  \
	} while (0)
#define BUG() weft_kwarn("BUG", "", WEFT_HERE)
#define might_sleep() weft_might_sleep("might_sleep", NULL, WEFT_HERE)
#define in_atomic() weft_in_atomic()
#define cond_resched()                                                        \
	(weft_might_sleep("cond_resched", NULL, WEFT_HERE),                   \
	 weft_kbarrier("cond_resched", WEFT_HERE), 0)
#define cpu_relax() weft_yield_at(WEFT_HERE)

#endif
