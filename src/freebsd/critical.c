/* src/freebsd/critical.c - critical_enter(9) and critical_exit(9).
 *
 * A critical section defers preemption on the CPU: the kernel counts its
 * nesting per thread (td_critnest), and a thread in one may neither sleep
 * (mi_switch asserts "switch in a critical section") nor take a lock that
 * may block (WITNESS: "acquiring blockable sleep lock with spinlock or
 * critical section held").  The count is the thread's entry in the FreeBSD
 * state, stamped with its serial, since a thread record is reused; the
 * checks are the ones made for a held spin mutex (mtx.c), which is a
 * critical section in the kernel too.
 *
 * Since nothing preempts it, no other thread runs on the CPU until the
 * section ends, and the thread stays on that CPU: the per-CPU statistics
 * idiom (critical_enter; pcpu[curcpu]++; critical_exit) needs no atomics.
 * weft's threads share the virtual CPUs (weft_callout_curcpu: thread id
 * modulo the CPU count), so the outermost critical_enter waits until no
 * other thread of its CPU is in a section and the outermost critical_exit
 * is a release: the sections of one CPU exclude one another and are
 * ordered, while threads of other CPUs run beside them.  The counters of
 * two threads of one CPU were a false lost update (a FreeBSD probe).
 * What the model does not keep out is the same CPU's code outside any
 * section, which the kernel would not run meanwhile either: a per-CPU
 * access there is racy anyway (the thread may migrate). */
#include <stdio.h>

#include "freebsd/bsd.h"

/* The caller's entry, its count reset when the record held another
 * thread before. */
static struct bsd_thread *crit_self(void)
{
	struct bsd_thread *t = weft__bsd_self();
	uint64_t serial = weft__thread_serial(weft__self()) + 1;

	if (t->crit_serial != serial) {
		t->crit_serial = serial;
		t->critnest = 0;
		t->crit_loc = NULL;
	}
	return t;
}

static const char *const cpu_names[BSD_MAXCPU] = {
	"CPU 0", "CPU 1", "CPU 2", "CPU 3", "CPU 4", "CPU 5", "CPU 6", "CPU 7",
};

/* No other thread is in a critical section on the op's CPU (arg2); the
 * op carries its thread's entry (arg). */
static bool cpu_free(const struct weft__op *op)
{
	const struct bsd_state *s = weft__bsd();
	int o = s->crit_owner[op->arg2];

	return !o || &s->th[o - 1] == op->arg;
}

static int cpu_desc(const struct weft__op *op, char *buf, size_t n)
{
	const struct bsd_state *s = weft__bsd();
	int o = s->crit_owner[op->arg2];

	if (!o) {
		snprintf(buf, n, "the critical sections of %s",
			 cpu_names[op->arg2]);
		return -1;
	}
	snprintf(buf, n, "the critical section of %s, entered at %s",
		 cpu_names[op->arg2], weft__bsd_site(s->th[o - 1].crit_loc));
	return o - 1;
}

void weft_bsd_critical_enter_at(const struct weft_loc *loc)
{
	struct bsd_thread *t = crit_self();
	struct bsd_state *s = weft__bsd();
	int cpu;

	if (t->critnest++ > 0)
		return;
	/* A held spin mutex is a critical section already (mtx_lock_spin
	 * enters one): its holder passes, as no other thread of its CPU can
	 * be inside one then.  Waiting here, it deadlocked against a thread
	 * of the CPU that entered its section first and then spun on the
	 * mutex (a review's probe), which the kernel never lets happen. */
	if (weft__bsd_spin_held()) {
		t->crit_cpu = -1;
		t->crit_loc = loc;
		return;
	}
	cpu = weft_callout_curcpu();
	{
		struct weft__op op = { .name = "critical_enter",
				       .obj = &s->crit_owner[cpu],
				       .objname = cpu_names[cpu],
				       .access = WEFT__ACC_WRITE,
				       .ready = cpu_free, .waitdesc = cpu_desc,
				       .arg = t, .arg2 = cpu, .loc = loc };
		weft__visible(&op);
	}
	s->crit_owner[cpu] = (int)(t - s->th) + 1;
	t->crit_cpu = cpu;
	t->crit_loc = loc;
}

void weft_bsd_critical_exit_at(const struct weft_loc *loc)
{
	struct bsd_thread *t = crit_self();
	struct bsd_state *s = weft__bsd();

	if (t->critnest <= 0)
		weft__fail(WEFT__K(MISUSE), loc,
			   "critical_exit without critical_enter: the thread "
			   "is not in a critical section");
	if (--t->critnest > 0)
		return;
	if (t->crit_cpu < 0) { /* entered under a spin mutex */
		t->crit_loc = NULL;
		return;
	}
	/* A release: the CPU's next section is ordered after this one. */
	weft__release_point("critical_exit", &s->crit_owner[t->crit_cpu],
			    cpu_names[t->crit_cpu], loc);
	s->crit_owner[t->crit_cpu] = 0;
	t->crit_loc = NULL;
}

const struct weft_loc *weft__bsd_critical_site(void)
{
	const struct bsd_state *s = weft__bsd_peek();
	const struct bsd_thread *t;
	int self = weft__self();

	/* Nothing to look up before the models were used, or outside a
	 * test thread. */
	if (!s || self < 0 || self >= WEFT__MAX_THREADS)
		return NULL;
	t = &s->th[self];
	if (t->crit_serial != weft__thread_serial(self) + 1 || t->critnest <= 0)
		return NULL;
	return t->crit_loc;
}

void weft__bsd_no_critical(const char *what, const char *why,
			   const struct weft_loc *loc)
{
	const struct weft_loc *crit = weft__bsd_critical_site();

	if (crit)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s inside a critical section (critical_enter at "
			   "%s): %s", what, weft__bsd_site(crit), why);
}

void weft__bsd_no_section(const char *what, const char *why,
			  const struct weft_loc *loc)
{
	const struct weft_bsd_mtx *spin = weft__bsd_spin_held();

	weft__bsd_no_critical(what, why, loc);
	if (spin)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s while holding spin mutex %s (taken at %s), a "
			   "critical section: %s",
			   what, weft__bsd_mtx_name(spin),
			   weft__bsd_site(spin->m.acquired), why);
}

void weft_bsd_may_block(const char *what, const struct weft_loc *loc)
{
	weft__bsd_no_section(what, "a thread in a critical section may not "
			     "take a lock that blocks", loc);
}
