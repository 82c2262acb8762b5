/* src/linux/ext_irq.c - hard interrupts of the kernel header tree
 * (request_irq and its handlers, include/kernel/linux/weft/interrupt.h).
 *
 * weft's threads have no CPU identity, so an interrupt cannot be made to
 * stop the very thread it arrives on.  What is modelled instead:
 *  - each requested interrupt line has a daemon thread, "irq/N-NAME", that
 *    runs the handler in hard-interrupt context (an atomic section with
 *    interrupts off) once per weft_raise_irq() that found the line not
 *    pending, whenever the explorer lets it: the handler runs concurrently
 *    with process context, as an interrupt delivered to another CPU does;
 *  - the same-CPU case is a check: when a handler asks for a spinlock that
 *    a thread holds with interrupts enabled (spin_lock rather than
 *    spin_lock_irqsave), the interrupt could as well have arrived on that
 *    thread's CPU, whose holder then never runs again to release it: a
 *    deadlock, reported with the holder and where it took the lock
 *    (ext_irq_state.c, with the CPU's interrupt state);
 *  - free_irq and synchronize_irq wait for a running handler, disable_irq
 *    holds raised interrupts back until enable_irq.
 * All the state is one object for partial-order reduction, so every order
 * of raising, handling, freeing and disabling is explored. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "lx.h"
#include "detect/race.h"
#include <kernel/linux/weft_ext.h>

#define MAX_IRQS 16
#define IRQ_WAKE_THREAD_ 2     /* the kernel's IRQ_WAKE_THREAD */
#define IRQF_ONESHOT_ 0x2000u  /* the kernel's IRQF_ONESHOT */

struct irqdesc {
	unsigned int irq;
	int (*handler)(int, void *);
	int (*thread_fn)(int, void *);
	void *dev;
	const char *name;
	unsigned long flags;
	int used;                  /* requested and not freed */
	int devm;                  /* freed with the device, not by free_irq */
	int pending;               /* raised and not yet handled */
	int disabled;              /* disable_irq depth */
	long masked_at;            /* the step count when it became
				      disabled (weft__step_no) */
	int running;               /* thread id + 1 running the handler */
	int in_hard;               /* its hard handler runs */
	int thr;                   /* the threaded handler's own thread's id
				      + 1, without IRQF_ONESHOT (0: it runs
				      in the line's thread) */
	int thr_req;               /* the hard handler woke it */
	int thr_running;           /* thread id + 1 running thread_fn there */
	int thread;                /* its thread's id + 1 */
	int cls;                   /* lock-order class + 1 of "handler runs" */
	const struct weft_loc *loc;
};

static struct irqdesc D[MAX_IRQS];
static int nd;
static char irq_dom;           /* the one object of all interrupt state */

static bool deliverable(const struct weft__op *op)
{
	const struct irqdesc *d = op->arg;

	/* A freed line's thread waits for ever, like an idle CPU. */
	if (d->thread != (int)op->arg2 || !d->used || !d->pending ||
	    d->disabled)
		return false;
	/* The hard handlers of one line run one after another, in one
	 * interrupt (a shared line's two devices' handlers ran at once: a
	 * false data race, a probe's), in the order they were requested,
	 * the order of D (b's ran before a's, whose handler then raced with
	 * b's threaded one, which in the kernel is woken after a's ran: a
	 * review's probe). */
	for (int i = 0; i < nd; i++)
		if (&D[i] != d && D[i].used && D[i].irq == d->irq &&
		    (D[i].in_hard || (&D[i] < d && D[i].pending)))
			return false;
	return true;
}

static int deliver_waitdesc(const struct weft__op *op, char *buf, size_t n)
{
	const struct irqdesc *d = op->arg;

	snprintf(buf, n, "interrupt %u (%s) to be raised", d->irq, d->name);
	return -1;
}

/* The lock-order class of "d's handler runs", made at its first run:
 * synchronize_irq and free_irq wait on it, the hard part and the
 * threaded one hold it. */
static int desc_class(struct irqdesc *d)
{
	if (!d->cls)
		d->cls = weft__class(weft__class_key_for(d, d->loc), d->name) +
			 1;
	return d->cls - 1;
}

static void irq_thread(void *arg)
{
	struct irqdesc *d = arg;
	struct weft__op op = { .name = "hardirq", .obj = &irq_dom,
			       .objname = d->name, .access = WEFT__ACC_WRITE,
			       .ready = deliverable,
			       .waitdesc = deliver_waitdesc, .arg = d,
			       .arg2 = weft__self() + 1, .loc = d->loc };

	for (;;) {
		struct weft__lx_thread *me;
		struct weft__lx_ctx_save save;
		int irqs_were;
		int cls, ret;

		weft__visible(&op);
		d->pending = 0;
		d->running = weft__self() + 1;
		d->in_hard = 1;
		cls = desc_class(d);
		weft__step_note(d->name);
		weft__lx_ctx_enter(&save, "hard interrupt handler", d->name, cls + 1,
			     0);
		me = weft__lx_me();
		me->hardirq = 1;
		irqs_were = me->irqs_off;
		me->irqs_off = 1;
		weft__lock_acquire(cls, d->loc, false);
		ret = d->handler ? d->handler((int)d->irq, d->dev)
				 : IRQ_WAKE_THREAD_;
		if (weft__lx_nheld(weft__self()))
			weft__fail(WEFT__K(MISUSE), d->loc,
				   "interrupt handler %s "
				   "returned holding a lock", d->name);
		/* genirq warns "irq N handler enabled interrupts"
		 * (spin_unlock_irq in a handler); it was verified. */
		if (!me->irqs_off)
			weft__fail(WEFT__K(MISUSE), d->loc,
				   "interrupt handler %s enabled interrupts "
				   "(spin_unlock_irq, local_irq_enable: use "
				   "the irqsave forms)", d->name);
		me->irqs_off = irqs_were;
		me->hardirq = 0;
		weft__lx_ctx_leave(&save);
		/* A threaded handler runs next, in process context, in the
		 * kernel's thread of its own, woken here.  With IRQF_ONESHOT
		 * the line stays masked until it returns: it runs here, the
		 * line's other handlers held off (in_hard), inside the class
		 * synchronize_irq waits for.  Without, the line is unmasked
		 * at once and the next interrupt's handlers may run while it
		 * does: it runs in its own thread (thr), woken by the
		 * hardirq_done step below (a handler sharing data with its
		 * threaded handler, no IRQF_ONESHOT, was verified; a shared
		 * line's other device ran during a IRQF_ONESHOT one's thread,
		 * a false data race: probes). */
		bool wake = (ret & IRQ_WAKE_THREAD_) && d->thread_fn;
		if (wake && !d->thr)
			d->thread_fn((int)d->irq, d->dev);
		weft__lock_release(cls, d->loc);
		weft__release_point("hardirq_done", &irq_dom, d->name, d->loc);
		d->running = 0;
		d->in_hard = 0;
		if (wake && d->thr)
			d->thr_req = 1;
	}
}

static bool thread_woken(const struct weft__op *op)
{
	const struct irqdesc *d = op->arg;

	return d->thr == (int)op->arg2 && d->used && d->thr_req;
}

static int thread_waitdesc(const struct weft__op *op, char *buf, size_t n)
{
	const struct irqdesc *d = op->arg;

	snprintf(buf, n, "interrupt %u (%s) to wake its thread", d->irq,
		 d->name);
	return -1;
}

/* The threaded handler of a line without IRQF_ONESHOT, in a thread of its
 * own: woken (again) while it runs, it runs once more, as the kernel's
 * IRQTF_RUNTHREAD flag makes it. */
static void irq_handler_thread(void *arg)
{
	struct irqdesc *d = arg;
	struct weft__op op = { .name = "irq_thread", .obj = &irq_dom,
			       .objname = d->name, .access = WEFT__ACC_WRITE,
			       .ready = thread_woken,
			       .waitdesc = thread_waitdesc, .arg = d,
			       .arg2 = weft__self() + 1, .loc = d->loc };

	for (;;) {
		int cls;

		weft__visible(&op);
		d->thr_req = 0;
		d->thr_running = weft__self() + 1;
		cls = desc_class(d);
		weft__lock_acquire(cls, d->loc, false);
		d->thread_fn((int)d->irq, d->dev);
		weft__lock_release(cls, d->loc);
		weft__release_point("irq_thread_done", &irq_dom, d->name,
				    d->loc);
		d->thr_running = 0;
	}
}

static struct irqdesc *find(unsigned int irq, void *dev, int match_dev)
{
	for (int i = 0; i < nd; i++)
		if (D[i].used && D[i].irq == irq &&
		    (!match_dev || D[i].dev == dev))
			return &D[i];
	return NULL;
}

int weft_kx_request_irq(unsigned int irq, int (*handler)(int, void *),
			int (*thread_fn)(int, void *), unsigned long flags,
			const char *name, void *dev, int devm,
			const struct weft_loc *loc)
{
	struct irqdesc *d, *other;

	/* Kept for the trace and the reports, drawn after the driver's
	 * buffer holding the name may be gone (as sem_open's name). */
	name = weft__intern(name);
	weft_might_sleep("request_irq", name, loc);
	if (!handler && !thread_fn)
		return -EINVAL;
	weft__point("request_irq", &irq_dom, name, WEFT__ACC_WRITE, loc);
	other = find(irq, NULL, 0);
	if (other && !(other->flags & flags & WEFT_KX_IRQF_SHARED))
		return -EBUSY;
	if (nd == MAX_IRQS)
		weft__fail(WEFT__K(MISUSE), loc,
			   "more than %d interrupt handlers "
			   "requested in one test", MAX_IRQS);
	d = &D[nd++];
	*d = (struct irqdesc){ .irq = irq, .handler = handler,
			       .thread_fn = thread_fn, .dev = dev,
			       .name = name ? name : "irq", .flags = flags,
			       .used = 1, .devm = devm, .loc = loc };
	d->thread = -1;
	d->thread = weft__lx_spawn_daemon(irq_thread, d,
		weft__internf("irq/%u-%s", irq, d->name), loc) + 1;
	if (thread_fn && handler && !(flags & IRQF_ONESHOT_)) {
		d->thr = -1;
		d->thr = weft__lx_spawn_daemon(irq_handler_thread, d,
			weft__internf("irq/%u-%s-thread", irq, d->name),
			loc) + 1;
	}
	return 0;
}

void weft_raise_irq_at(unsigned int irq, const struct weft_loc *loc)
{
	weft__point("raise_irq", &irq_dom, NULL, WEFT__ACC_WRITE, loc);
	/* Every handler of a shared line sees the interrupt; one raised
	 * while the line is still pending merges with it, as in the kernel.
	 * A line nobody requested drops it (a spurious interrupt). */
	for (int i = 0; i < nd; i++)
		if (D[i].used && D[i].irq == irq)
			D[i].pending = 1;
}

/* Whether line op->arg2's handler i is one a wait waits for: any
 * handler running, for synchronize_irq and disable_irq (op->arg NULL);
 * for free_irq of one device (op->arg its dev_id), that device's handler
 * and the hard part of the others' (the kernel's __free_irq synchronizes
 * the line's hard interrupts and stops the freed action's thread only: it
 * waited for another device's threaded handler, a false deadlock when
 * the caller held a mutex that handler takes, a review's probe). */
static bool waited_for(const struct weft__op *op, int i)
{
	if (D[i].irq != (unsigned int)op->arg2)
		return false;
	/* A threaded handler woken or running in its own thread counts as
	 * its device's (the kernel's threads_active). */
	if ((D[i].thr_req || D[i].thr_running) &&
	    (!op->arg || D[i].dev == op->arg))
		return true;
	if (!D[i].running)
		return false;
	return !op->arg || D[i].dev == op->arg || D[i].in_hard;
}

static bool none_running(const struct weft__op *op)
{
	for (int i = 0; i < nd; i++)
		if (waited_for(op, i))
			return false;
	return true;
}

static int running_waitdesc(const struct weft__op *op, char *buf, size_t n)
{
	for (int i = 0; i < nd; i++) {
		int t;

		if (!waited_for(op, i))
			continue;
		t = D[i].running ? D[i].running - 1
				 : D[i].thr_running ? D[i].thr_running - 1
						    : D[i].thr - 1;
		snprintf(buf, n, "interrupt handler %s, running in %s",
			 D[i].name, weft__lx_tname(t));
		return t;
	}
	snprintf(buf, n, "an interrupt handler");
	return -1;
}

/* Wait until no handler of the line runs (free_irq, synchronize_irq,
 * disable_irq).  Misuse from the line's own handler, which would wait
 * for itself; a lock-order cycle when the caller holds a lock the
 * handler takes. */
static void wait_idle(const char *what, unsigned int irq, void *dev,
		      const struct weft_loc *loc)
{
	struct weft__op op = { .name = what, .obj = &irq_dom,
			       .access = WEFT__ACC_WRITE, .ready = none_running,
			       .waitdesc = running_waitdesc, .arg = dev,
			       .arg2 = irq, .loc = loc };

	weft_might_sleep(what, NULL, loc);
	for (int i = 0; i < nd; i++) {
		if (D[i].irq != irq || (dev && D[i].dev != dev))
			continue;
		if (D[i].running == weft__self() + 1 ||
		    D[i].thr_running == weft__self() + 1)
			weft__fail(WEFT__K(MISUSE), loc,
				   "%s(%u) from the interrupt's "
				   "own handler waits for itself", what, irq);
		if (D[i].cls)
			weft__wait_on_class(D[i].cls - 1, loc);
	}
	weft__visible(&op);
}

const void *weft_kx_free_irq(unsigned int irq, void *dev,
			     const struct weft_loc *loc)
{
	struct irqdesc *d;

	wait_idle("free_irq", irq, dev, loc);
	d = find(irq, dev, 1);
	if (!d)
		weft__fail(WEFT__K(MISUSE), loc,
			   "free_irq(%u) of an interrupt that "
			   "is not requested with this dev_id", irq);
	d->used = 0;
	d->pending = 0;
	return d->name;
}

void weft_kx_synchronize_irq(unsigned int irq, const struct weft_loc *loc)
{
	wait_idle("synchronize_irq", irq, NULL, loc);
}

void weft_kx_disable_irq(unsigned int irq, int sync,
			 const struct weft_loc *loc)
{
	weft__point("disable_irq", &irq_dom, NULL, WEFT__ACC_WRITE, loc);
	for (int i = 0; i < nd; i++)
		if (D[i].used && D[i].irq == irq && !D[i].disabled++)
			D[i].masked_at = weft__step_no();
	if (sync)
		wait_idle("disable_irq", irq, NULL, loc);
}

bool weft__lx_irq_masked_before(long step)
{
	int self = weft__self() + 1;

	for (int i = 0; i < nd; i++)
		if (D[i].in_hard && D[i].running == self)
			return D[i].disabled && step >= 0 &&
			       D[i].masked_at < step;
	return false;
}

void weft_kx_enable_irq(unsigned int irq, const struct weft_loc *loc)
{
	weft__point("enable_irq", &irq_dom, NULL, WEFT__ACC_WRITE, loc);
	for (int i = 0; i < nd; i++) {
		if (!D[i].used || D[i].irq != irq)
			continue;
		if (!D[i].disabled)
			weft__fail(WEFT__K(MISUSE), loc,
				   "unbalanced enable_irq(%u)",
				   irq);
		D[i].disabled--;
	}
}

void weft__linux_ext_irq_begin(void)
{
	if (nd) /* an empty memset of an untouched page is slow (ctx.c) */
		memset(D, 0, sizeof D[0] * (size_t)nd);
	nd = 0;
}

/* A line still requested at the end of the test would call its handler
 * on a device (or module) that is gone. */
void weft__linux_ext_irq_end(void)
{
	for (int i = 0; i < nd; i++)
		if (D[i].used && !D[i].devm)
			weft__fail(WEFT__K(LEAK), D[i].loc,
				   "interrupt %u (%s) is "
				   "still requested at the end of the test "
				   "(no free_irq)", D[i].irq, D[i].name);
}
