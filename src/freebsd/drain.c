/* src/freebsd/drain.c - waiting in callout_drain, the drain guarantee, and
 * the callout checks that look at the whole table: freeing or destroying
 * what a live callout uses, and callouts still armed at the end.
 *
 * callout_drain's promise is the one code relies on before it frees a
 * callout's storage: when it returns, the handler is not running and will
 * not run until the callout is armed again.  The softclock checks the
 * "will not run" half when a handler starts; the "not running" half is
 * checked here when drain returns. */
#include <stdio.h>

#include "freebsd/bsd.h"

static bool drain_ready(const struct weft__op *op)
{
	const struct bsd_co *co = op->arg;

	return weft__bsd()->cpu[op->arg2].curr != co;
}

static int drain_desc(const struct weft__op *op, char *buf, size_t n)
{
	const struct bsd_co *co = op->arg;
	const struct bsd_cpu *cc = &weft__bsd()->cpu[op->arg2];
	const char *sc = weft__bsd_softclock_names[op->arg2];

	if (cc->curr != co) {
		snprintf(buf, n, "callout %s", co->name);
		return -1;
	}
	if (!cc->running)
		snprintf(buf, n,
			 "handler %s of callout %s, which %s is about to run "
			 "(it waits for the callout's lock)",
			 weft__bsd_fname(cc->func), co->name, sc);
	else
		snprintf(buf, n, "handler %s of callout %s, running on %s",
			 weft__bsd_fname(cc->func), co->name, sc);
	return cc->tid > 0 ? cc->tid - 1 : -1;
}

/* Wait until the handler of co, which cpu is running, has returned.  The
 * count of waiters stops resets from re-arming the callout and cancels a
 * deferred migration, as cc_waiting does in the kernel.  Returns 0. */
int weft__bsd_drain_wait(struct bsd_co *co, int cpu,
			 const struct weft_loc *loc)
{
	struct bsd_state *s = weft__bsd();
	struct weft__op op = { .name = "callout_drain", .obj = &s->co,
			       .objname = co->name, .access = WEFT__ACC_WRITE,
			       .ready = drain_ready, .waitdesc = drain_desc,
			       .arg = co, .arg2 = cpu, .loc = loc };

	s->cpu[cpu].waiting++;
	weft__step_note("waits for the handler");
	weft__visible(&op);
	s->cpu[cpu].waiting--;
	return 0;
}

/* callout_drain returns: the handler must not be running anywhere. */
void weft__bsd_drain_done(struct bsd_co *co, const struct weft_loc *loc)
{
	struct bsd_state *s = weft__bsd();
	int cpu;

	if (weft__bsd_co_running(co, &cpu) && s->cpu[cpu].running)
		weft__fail(WEFT__K(ASSERTION), loc,
			   "callout_drain(%s) returned while its handler %s "
			   "is still running on %s",
			   co->name, weft__bsd_fname(s->cpu[cpu].func),
			   weft__bsd_softclock_names[cpu]);
	co->drained = !co->pending && !co->dfrmig;
	co->drain_loc = loc;
}

static const char *running_on(int cpu)
{
	return weft__internf("running its handler %s on %s",
			     weft__bsd_fname(weft__bsd()->cpu[cpu].func),
			     weft__bsd_softclock_names[cpu]);
}

/* Why freeing co's memory now is a misuse, or NULL.  Only a pending
 * callout, or one whose migration was deferred, is read by the kernel
 * again.  A running handler is not: softclock_call_cc reads the
 * callout's fields before the handler starts and keeps a copy of its
 * flags so that it need not read it after (the callout may be gone by
 * then).  So a handler may free its own request, and callout(9)'s
 * "Avoiding Race Conditions" lets another thread free it once
 * callout_stop returned 0 and a reference count says the handler is done
 * with it; a handler that still touches the memory is a use-after-free,
 * found where it touches it.  Both were false misuses (probes of FreeBSD
 * patterns; the Linux timers and the taskqueues allowed them already). */
static const char *free_hazard(const struct bsd_co *co)
{
	if (co->pending)
		return weft__internf("still pending (armed at %s, handler %s)",
				     weft__bsd_site(co->arm_loc),
				     weft__bsd_fname(co->func));
	if (co->dfrmig)
		return "about to migrate to another CPU";
	return NULL;
}

/* What keeps co in use, for a lock it uses: a running handler too (the
 * softclock unlocks the lock when the handler returns); its own
 * handler's use is named by what the kernel does after the handler.
 * With CALLOUT_RETURNUNLOCKED the handler releases the lock itself and
 * softclock_call_cc does not touch it after the handler returns, so the
 * handler may destroy it (and free the request holding it), as callout(9)
 * allows: that was a false misuse (a FreeBSD probe). */
static const char *state_of(const struct bsd_co *co)
{
	int cpu;
	bool running = weft__bsd_co_running(co, &cpu);
	bool own = running && weft__bsd_self()->handler == co;
	const char *st;

	if (running && !own)
		return running_on(cpu);
	if ((st = free_hazard(co)))
		return st;
	if (own && (co->lockflags & WEFT_CALLOUT_RETURNUNLOCKED))
		return NULL;
	return running ? running_on(cpu) : NULL;
}

void weft__bsd_callout_check_free(const void *p, size_t n,
				  const struct weft_loc *loc)
{
	struct bsd_state *s = weft__bsd();
	const char *lo = p, *hi = lo + n;

	for (int i = 0; i < s->nco; i++) {
		const struct bsd_co *co = &s->co[i];
		const char *c = (const char *)co->c;
		const char *st;
		if (c < lo || c >= hi || !(st = free_hazard(co)))
			continue;
		weft__fail(WEFT__K(MISUSE), loc,
			   "free of memory holding callout %s, %s: drain the "
			   "callout before freeing it",
			   co->name, st);
	}
}

void weft__bsd_callout_check_lock(const struct weft_bsd_mtx *m,
				  const struct weft_loc *loc)
{
	struct bsd_state *s = weft__bsd();

	for (int i = 0; i < s->nco; i++) {
		const struct bsd_co *co = &s->co[i];
		const char *st;
		if (co->lock != m || !(st = state_of(co)))
			continue;
		weft__fail(WEFT__K(MISUSE), loc,
			   "mtx_destroy(%s) while callout %s, which uses it, "
			   "is %s",
			   weft__bsd_mtx_name(m), co->name, st);
	}
}

/* A callout armed in memory the test freed: it fires on freed memory, a
 * use-after-free, not the leak the report below would call it (a softc
 * freed after a callout_stop that did not stop a re-arming handler was
 * "1 callout still armed when the test returned": a probe of kernel-style
 * programs). */
static void freed_armed(const struct bsd_co *co)
{
	if (weft__heap_freed(co->c))
		weft__fail(WEFT__K(USE_AFTER_FREE), co->arm_loc,
			   "callout %s, armed at %s with handler %s, is in "
			   "memory freed while it was pending: it fires on "
			   "freed memory", co->name,
			   weft__bsd_site(co->arm_loc),
			   weft__bsd_fname(co->pending ? co->func
						       : co->mig_func));
}

/* At the end of a test no callout may still be armed.  The softclocks
 * check this when the test body returns (softclock.c); this end-of-test
 * check catches what they cannot see, such as a callout armed for a CPU
 * whose softclock has already retired.  A callout whose memory was freed
 * meanwhile is reported as the use-after-free it is. */
/* Report every callout of s still armed (pending, or with a deferred
 * migration) as a leak; `when` says at which moment ("at the end of the
 * test", "when the test returned").  With check_memory, a callout whose
 * memory was freed meanwhile is reported as the use-after-free it is.
 * Returns without a report when none is armed. */
void weft__bsd_report_armed(struct bsd_state *s, const char *when,
			    bool check_memory)
{
	const struct bsd_co *first = NULL;
	int armed = 0;

	for (int i = 0; i < s->nco; i++) {
		const struct bsd_co *co = &s->co[i];
		if (!co->pending && !co->dfrmig)
			continue;
		if (check_memory)
			weft__check_access(co->c, sizeof *co->c, false,
					   co->arm_loc);
		freed_armed(co);
		if (!armed++)
			first = co;
		weft__fail_detail("callout %s initialised at %s, armed at %s "
				  "with handler %s",
				  co->name, weft__bsd_site(co->init_loc),
				  weft__bsd_site(co->arm_loc),
				  weft__bsd_fname(co->pending ? co->func
							      : co->mig_func));
	}
	if (first)
		weft__fail(WEFT__K(LEAK), first->arm_loc,
			   "%d callout%s still armed %s (stop or drain %s)",
			   armed, armed == 1 ? "" : "s", when,
			   armed == 1 ? "it" : "them");
}

void weft__freebsd_drain_end(void)
{
	struct bsd_state *s = weft__bsd_peek();

	if (s)
		weft__bsd_report_armed(s, "at the end of the test", true);
}
