/* weft/kcontext.h - execution context checks kernel code relies on.
 *
 * weft tracks, per test thread, the spinlocks held, the RCU read-section
 * depth and whether the thread runs a timer or RCU callback (atomic
 * context).  Anything that may sleep calls weft_might_sleep first, which
 * reports misuse when sleeping is not allowed there. */
#ifndef WEFT_KCONTEXT_H
#define WEFT_KCONTEXT_H

#include <weft/loc.h>

/* Report misuse if the caller may not sleep here; what names the sleeping
 * operation ("mutex_lock") and obj, when not NULL, its object.  Not a
 * scheduling point. */
void weft_might_sleep(const char *what, const char *obj,
		      const struct weft_loc *loc);
/* weft_might_sleep unless the caller is in interrupt context (a hard or
 * soft interrupt, a timer or RCU callback, or softirqs disabled): for
 * calls the kernel defers there and may sleep otherwise, as vfree does
 * (it hands the block to a work when in_interrupt(), else might_sleep()). */
void weft_might_sleep_in_task(const char *what, const char *obj,
			      const struct weft_loc *loc);
/* 1 when sleeping is not allowed (spinlock held, RCU reader, callback). */
int weft_in_atomic(void);

/* A kernel warning or BUG: reported as kind `assertion` with the
 * condition and location.  Never returns. */
_Noreturn void weft_kwarn(const char *macro, const char *cond,
			  const struct weft_loc *loc);

#endif
