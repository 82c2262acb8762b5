/* weft/ktime.h - virtual kernel time: jiffies, sleeping and timers.
 *
 * Time never passes for real.  Every pending deadline (an armed timer, a
 * delayed work, a sleeping thread, a wait with a timeout) is an event on
 * one virtual clock, and a daemon thread, "ksoftirqd/0", fires the earliest
 * one whenever the explorer lets it run, advancing jiffies to its expiry.
 * So "the timer fired before / after this step" is an ordinary explored
 * interleaving, while events always fire in expiry order.  A timer that
 * re-armed itself WEFT_TIMER_REFIRE_BOUND times in a row fires again only
 * while another deadline (a sleep, a timed wait, a timer armed from
 * elsewhere) needs time to pass its expiry, up to WEFT_TIMER_REFIRE_CAP
 * fires in a row (a verdict note says when that cap was met); otherwise
 * it stays armed and no longer holds time back. */
#ifndef WEFT_KTIME_H
#define WEFT_KTIME_H

#include <weft/loc.h>

#define WEFT_HZ 1000
#define WEFT_INITIAL_JIFFIES ((unsigned long)(unsigned int)(-300 * WEFT_HZ))
#define WEFT_TIMER_REFIRE_BOUND 3
#define WEFT_TIMER_REFIRE_CAP 8

/* A deadline on the virtual clock (weft's; embedded in timers and works). */
struct weft_kevent {
	unsigned long expires;
	unsigned long seq;         /* arming order, to break ties */
	struct weft_kevent *next;
	unsigned char kind;        /* internal */
	unsigned char armed;
	unsigned char fired;
	unsigned char fires;       /* times fired this execution */
	void *owner;
	unsigned long gen;
	const struct weft_loc *armed_at;
};

struct weft_timer {
	struct weft_kevent ev;
	void (*fn)(struct weft_timer *);
	const char *name;          /* the callback's name */
	unsigned int flags;
	unsigned char shutdown;    /* timer_shutdown: re-arming is ignored */
	int running;               /* thread id + 1 running the callback */
	int cls;                   /* class + 1 of "callback runs" */
	const struct weft_loc *init;
	unsigned long expires;     /* for add_timer: set by the caller */
};

/* The current value of jiffies: a scheduling point that reads the clock. */
unsigned long weft_jiffies_at(const struct weft_loc *loc);
/* The same, left in a place of the calling thread's whose address is
 * returned, so that jiffies is an lvalue as in the kernel
 * (READ_ONCE(jiffies)).  A scheduling point. */
const volatile unsigned long *weft_jiffies_ref(const struct weft_loc *loc);

/* Sleep for `ticks` jiffies of virtual time.  Blocks until the clock
 * thread reaches the deadline; misuse in atomic context or an RCU read
 * section.  Returns 0 (the whole timeout elapsed). */
long weft_ksleep(unsigned long ticks, const char *what,
		 const struct weft_loc *loc);

/* Timers.  Initialisation is not a scheduling point; the rest are, and
 * never block except del_sync, which waits until a running callback has
 * returned (misuse from the callback itself).  mod returns 1 when the
 * timer was pending, del returns 1 when it deactivated a pending timer.
 * del with shutdown (timer_shutdown, as weft_xtimer_del's of the kernel
 * header tree) also makes every later mod do nothing until the timer is
 * set up again.  Callbacks run in ksoftirqd/0 in atomic context. */
void weft_timer_init(struct weft_timer *t, void (*fn)(struct weft_timer *),
		     unsigned int flags, const char *name,
		     const struct weft_loc *loc);
int weft_timer_mod(struct weft_timer *t, unsigned long expires,
		   const struct weft_loc *loc);
/* add_timer: mod at t->expires, of a timer that must not be pending (the
 * kernel warns and leaves a pending one as it is: reported as a
 * misuse). */
void weft_timer_add(struct weft_timer *t, const struct weft_loc *loc);
int weft_timer_del(struct weft_timer *t, int sync, int shutdown,
		   const struct weft_loc *loc);
int weft_timer_pending(struct weft_timer *t, const struct weft_loc *loc);

#endif
