/* weft/completion.h - completions: a counted "done" event.
 *
 * complete() adds one to the count and wakes one waiter; complete_all()
 * makes it permanently done (until reinitialised); a waiter consumes one
 * count.  Waits take part in the wait-for graph of deadlock reports, and in
 * the lock-order graph like DEPT does: waiting for C while holding L, when
 * the code that completes C took L first, is a potential deadlock reported
 * from a single execution. */
#ifndef WEFT_COMPLETION_H
#define WEFT_COMPLETION_H

#include <weft/loc.h>

struct weft_completion {
	unsigned int done;         /* UINT_MAX after complete_all */
	int cls;                   /* event class + 1 */
	const char *name;
	const struct weft_loc *init;
	const struct weft_loc *completed; /* last complete() site */
	int completer;             /* thread id + 1 of the last completer */
	unsigned int consumed;     /* counts consumed so far (a generation:
				      a wait compares it before and after
				      its scheduling point) */
	const struct weft_loc *reset; /* reinit_completion since the last
					 complete(), or NULL */
};

#define WEFT_COMPLETION_INIT(name) { 0, 0, (name), 0, 0, 0, 0, 0 }

/* Not scheduling points. */
void weft_completion_init(struct weft_completion *c, const char *name,
			  const struct weft_loc *loc);
void weft_completion_reinit(struct weft_completion *c,
			    const struct weft_loc *loc);

/* Never block.  Everything before complete() happens before the wait that
 * consumes it returns. */
void weft_complete(struct weft_completion *c, int all,
		   const struct weft_loc *loc);

/* Block until done.  Sleeps: misuse in atomic context.  Holding a lock L
 * while waiting adds the lock-order edge L -> C unless the wait is
 * satisfied by the caller's own earlier complete(): its count was there
 * when the caller arrived and nobody consumed a count before the wait's
 * step, so the wait never depended on another thread. */
void weft_wait_for_completion(struct weft_completion *c,
			      const struct weft_loc *loc);
/* wait_for_completion_interruptible: the same, but a signal pending for
 * the caller (a kthread_stop of it, Linux 6.1 on) ends the wait without
 * consuming the count: -ERESTARTSYS; else 0.  Sleeps. */
int weft_wait_for_completion_intr(struct weft_completion *c,
				  const struct weft_loc *loc);
/* Block until done or until `timeout` jiffies of virtual time passed; the
 * timeout firing is an event of the virtual clock, so whether it fires
 * before the completion is explored.  Returns 0 on timeout, else the
 * jiffies left (at least 1). */
unsigned long weft_wait_for_completion_timeout(struct weft_completion *c,
					       unsigned long timeout,
					       const struct weft_loc *loc);
/* wait_for_completion_interruptible_timeout: the same, but a signal
 * pending for the caller (a kthread_stop of it) ends the wait with
 * -ERESTARTSYS. */
long weft_wait_for_completion_intr_timeout(struct weft_completion *c,
					   unsigned long timeout,
					   const struct weft_loc *loc);
/* Consume a count if one is there; never blocks.  1 when consumed. */
int weft_try_wait_for_completion(struct weft_completion *c,
				 const struct weft_loc *loc);
/* 1 when a wait would not block.  Never blocks. */
int weft_completion_done(struct weft_completion *c,
			 const struct weft_loc *loc);

#endif
