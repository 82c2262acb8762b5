/* src/linux/ext_timer_end.c - the timers armed in an execution, for the
 * end of the test: one still pending then would fire after its object
 * (or module) is gone (ext_timer.c arms them); and which handler of a
 * timer pinned to each CPU runs, reset for each execution. */
#include "lx.h"
#include <kernel/linux/weft_ext.h>

#define MAX_XTIMERS 64

static struct weft_xtimer *live[MAX_XTIMERS];
static int nlive;

int weft__lx_xtimer_cpu_busy[WEFT_NR_CPUS];

void weft__lx_xtimer_remember(struct weft_xtimer *t)
{
	for (int i = 0; i < nlive; i++)
		if (live[i] == t)
			return;
	if (nlive < MAX_XTIMERS)
		live[nlive++] = t;
}

void weft__linux_ext_timer_begin(void)
{
	nlive = 0;
	for (int i = 0; i < WEFT_NR_CPUS; i++)
		weft__lx_xtimer_cpu_busy[i] = 0;
}

/* A timer of a finished thread's stack, or of a frame that returned,
 * was destroyed with it (destroy_timer_on_stack): its bytes are
 * another's now. */
static bool gone(struct weft_xtimer *t)
{
	const char *owner;
	int kind;

	return weft__in_dead_stack(t, &owner, &kind) ||
	       weft__frame_obj_dead(t);
}

bool weft__lx_xtimer_pinned_pending(int cpu)
{
	if (cpu < 0)
		return false;
	for (int i = 0; i < nlive; i++) {
		struct weft_xtimer *t = live[i];

		if (t->cpu_plus1 == cpu + 1 && !gone(t) &&
		    (t->ev.armed || t->queued))
			return true;
	}
	return false;
}

/* Pending timers at the end of the test would fire after their object
 * (or module) is gone. */
void weft__linux_ext_timer_end(void)
{
	for (int i = 0; i < nlive; i++) {
		struct weft_xtimer *t = live[i];

		if (gone(t))
			continue;
		if (!(t->ev.armed || t->queued))
			continue;
		weft__lx_freed_armed(t, t->armed_at, "timer", (t->name ? t->name : "timer"));
		weft__check_access(t, sizeof *t, false, t->armed_at);
		weft__fail(WEFT__K(LEAK), t->armed_at,
			   "timer %s is still pending at the end of the test "
			   "(expires at jiffies %lu, now %lu)", (t->name ? t->name : "timer"),
			   t->expires, weft__lx_now());
	}
}
