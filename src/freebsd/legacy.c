/* src/freebsd/legacy.c - the callout model's settings, and the legacy
 * model: callout_reset_on and callout_drain as in FreeBSD 8.1, before the
 * December 2010 fix of the callout migration races.
 *
 * The legacy reset moves a callout to another CPU by setting its CPU,
 * dropping the old CPU's callout lock and retrying on the new CPU, and it
 * does so even while the handler runs.  The legacy drain looks the callout
 * up on the CPU it is assigned to and returns at once when it is pending
 * or not running there.  Together they allow what the fix's commit
 * message describes: a drain that returns while the handler still runs on
 * the old CPU, a callout pending on one CPU while it runs on another, and
 * a handler that starts after the drain returned.  Tests select the model
 * to show that weft catches those races, and that the fixed model (the
 * default) is free of them. */
#include <stdio.h>

#include "freebsd/bsd.h"

void weft_callout_set_ncpu_at(int n, const struct weft_loc *loc)
{
	struct bsd_state *s = weft__bsd();

	if (s->frozen)
		weft__fail(WEFT__K(MISUSE), loc,
			   "weft_callout_set_ncpu after a callout was armed");
	if (n < 1 || n > BSD_MAXCPU)
		weft__fail(WEFT__K(MISUSE), loc,
			   "weft_callout_set_ncpu(%d): 1 to %d CPUs", n,
			   BSD_MAXCPU);
	s->ncpu = n;
	weft_bsd_mp_ncpus = n;
}

void weft_callout_set_model_at(int model, const struct weft_loc *loc)
{
	struct bsd_state *s = weft__bsd();

	if (s->frozen)
		weft__fail(WEFT__K(MISUSE), loc,
			   "weft_callout_set_model after a callout was armed");
	if (model != WEFT_CALLOUT_MODEL_FIXED &&
	    model != WEFT_CALLOUT_MODEL_LEGACY)
		weft__fail(WEFT__K(MISUSE), loc,
			   "weft_callout_set_model(%d): no such "
			   "model", model);
	s->model = model;
}

void weft_callout_set_max_fires_at(int n, const struct weft_loc *loc)
{
	if (n < 1)
		weft__fail(WEFT__K(MISUSE), loc,
			   "weft_callout_set_max_fires(%d): at least 1", n);
	weft__bsd()->max_fires = n;
}

int weft_callout_ncpu(void)
{
	return weft__bsd()->ncpu;
}

int weft_callout_curcpu(void)
{
	struct bsd_state *s = weft__bsd();
	int self = weft__self();

	for (int k = 0; k < s->ncpu; k++)
		if (s->cpu[k].tid == self + 1)
			return k;
	return self < 0 ? 0 : self % s->ncpu;
}

int weft_callout_ticks(void)
{
	return weft_bsd_ticks;
}

/* One pass of the 2010 callout_reset_on under the callout's current CPU
 * lock.  Returns true when the callout must move first. */
static bool legacy_pass(struct bsd_co *co, int cpu, int *cancelled,
			bool *killed)
{
	struct bsd_cpu *cc = &weft__bsd()->cpu[co->cpu];

	if (cc->curr == co) {
		if (co->lock && !cc->cancel) {
			cc->cancel = true;
			*cancelled = 1;
		}
		if (cc->waiting) {
			*killed = true;
			return false;
		}
	}
	if (co->pending) {
		co->pending = co->active = false;
		*cancelled = 1;
	}
	return co->cpu != cpu;
}

/* op is the caller's step, already taken; a retry takes another. */
int weft__bsd_legacy_reset(struct bsd_co *co, int nticks,
			   weft_callout_func_t *fn, void *arg, int cpu,
			   struct weft__op *op)
{
	int cancelled = 0;
	bool killed = false;

	if (cpu < 0)
		cpu = co->cpu;
	while (legacy_pass(co, cpu, &cancelled, &killed)) {
		/* "c->c_cpu = cpu; CC_UNLOCK(cc); goto retry;" - for a
		 * moment the callout names a CPU that knows nothing of it. */
		co->cpu = cpu;
		weft__visible(op);
		weft__step_note("retry on the new CPU");
	}
	if (!killed)
		weft__bsd_co_arm(co, cpu, nticks, fn, arg);
	return cancelled;
}

/* The 2010 _callout_stop_safe with safe == 1. */
int weft__bsd_legacy_drain(struct bsd_co *co, const struct weft_loc *loc)
{
	struct bsd_state *s = weft__bsd();
	int cpu = co->cpu;

	if (co->pending) {
		co->pending = co->active = false;
		return 1;
	}
	co->active = false;
	if (s->cpu[cpu].curr != co)
		return -1;
	return weft__bsd_drain_wait(co, cpu, loc);
}
