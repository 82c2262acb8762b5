/* src/linux/ext_percpu.c - CPU identity and per-CPU data of the kernel
 * header tree (<linux/smp.h>, <linux/percpu.h>).
 *
 * The model: each thread runs on a CPU of its own, numbered in the order
 * in which the threads of an execution first ask for their CPU, as weft's
 * other models treat every thread as a CPU of its own (an interrupt or a
 * softirq runs as on another CPU).  A worker running a work that was
 * queued on a per-CPU workqueue for a given CPU (queue_work_on) runs on
 * that CPU, and a kthread bound with kthread_bind on the CPU it names:
 * the kernel's per-CPU workers and bound kthreads are pinned there, so
 * asking for the CPU is legal in them.  Elsewhere a thread may move to
 * another CPU whenever it can be preempted, which weft does not explore:
 * smp_processor_id() (and this_cpu_ptr, the __this_cpu operations) in
 * preemptible code is misuse, as the kernel's CONFIG_DEBUG_PREEMPT
 * reports it, and raw_smp_processor_id() answers the thread's CPU without
 * the check.  So two threads never share a CPU: a lost update between
 * two threads on one CPU is not found (a this_cpu_read and this_cpu_write
 * pair, each legal alone, preempted in between).
 *
 * A static per-CPU variable lives in the program's section weft_percpu
 * (DEFINE_PER_CPU): CPU 0's copy is the variable itself, and the other
 * CPUs' copies are an area per section, filled from the section at the
 * first per-CPU access of each execution, when the section holds its
 * initial values again (the program's data is restored before every
 * execution, and nothing writes a per-CPU variable without asking for
 * its address here first).  alloc_percpu's memory is a block of the
 * tracked heap holding every CPU's copy, one after another. */
#include <string.h>

#include "lx.h"
#include "report/report.h"
#include <kernel/linux/weft_ext.h>

/* Per thread: the CPU it runs on (stamped with the thread's serial and
 * the execution), and the one kthread_bind pinned it to (-1: none). */
static struct {
	uint64_t serial;
	long gen;
	int cpu;
	int bound;
} T[WEFT__MAX_THREADS];
static long cpus_gen;
static int cpus_used;

static int tid_of(int tid)
{
	return tid < 0 ? 0 : tid;
}

/* Thread tid's record, fresh for this execution and this thread. */
static int *rec_of(int tid, int **bound)
{
	long g = weft__exec_gen();
	uint64_t s = weft__thread_serial(tid);

	if (cpus_gen != g) {
		cpus_gen = g;
		cpus_used = 0;
	}
	if (T[tid].gen != g || T[tid].serial != s) {
		T[tid].gen = g;
		T[tid].serial = s;
		T[tid].cpu = -1;
		T[tid].bound = -1;
	}
	*bound = &T[tid].bound;
	return &T[tid].cpu;
}

/* A worker of a per-CPU queue running a work queued for CPU cpu: that
 * CPU (-1: none). */
static int worker_cpu(const struct weft__lx_thread *me, int nr)
{
	if (me->wq && me->work && weft__lx_wq_per_cpu(me->wq) &&
	    me->work->run_cpu >= 0 && me->work->run_cpu < nr)
		return me->work->run_cpu;
	return -1;
}

/* The thread may move to another CPU: preemptible, and not in a
 * migrate_disable section. */
static bool may_migrate(const struct weft__lx_thread *me)
{
	return !me->spin_depth && !me->irqs_off && !me->bh_off &&
	       !me->hardirq && !me->atomic_what && !me->migrate_off;
}

void weft_kx_migrate(int delta, const struct weft_loc *loc)
{
	struct weft__lx_thread *me = weft__lx_me();

	if (delta < 0 && me->migrate_off <= 0)
		weft__fail(WEFT__K(MISUSE), loc,
			   "migrate_enable without a migrate_disable (the "
			   "kernel warns)");
	me->migrate_off += delta;
}

int weft_kx_cpu_id(int check, const char *what, int nr,
		   const struct weft_loc *loc)
{
	const struct weft__lx_thread *me = weft__lx_me();
	int tid = tid_of(weft__self()), *bound, *cpu = rec_of(tid, &bound);
	int wc = worker_cpu(me, nr);

	if (wc >= 0)
		return wc;
	if (*bound >= 0)
		return *bound;
	/* Any worker of a per-CPU queue is bound to its CPU. */
	if (check && may_migrate(me) &&
	    !(me->wq && weft__lx_wq_per_cpu(me->wq)))
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s in preemptible code: the thread may move to "
			   "another CPU at any point, so the answer may be "
			   "stale at once (the kernel's CONFIG_DEBUG_PREEMPT "
			   "warning); disable preemption around the use "
			   "(get_cpu/put_cpu, preempt_disable, a spinlock) "
			   "or migration (migrate_disable), or use "
			   "raw_smp_processor_id for a hint", what);
	if (*cpu < 0) {
		/* A thread that learns its CPU inside a section keeps
		 * softirqs off it from now on (ext_softirq.c). */
		if (me->bh_off || me->irqs_off)
			weft__lx_softirq_hold(what, cpus_used,
					      (uintptr_t)__builtin_return_address(0));
		if (cpus_used >= nr)
			weft__limit("unsupported: CPUs", loc,
				    "a thread asked for its CPU when the %d "
				    "CPUs were taken: each thread runs on a "
				    "CPU of its own (build with "
				    "-DWEFT_NR_CPUS=N for more)", nr);
		*cpu = cpus_used++;
	}
	return *cpu;
}

int weft__lx_cpu_known(void)
{
	int tid = tid_of(weft__self()), *bound, *cpu = rec_of(tid, &bound);
	int wc = worker_cpu(weft__lx_me(), WEFT__MAX_THREADS);

	if (wc >= 0)
		return wc;
	return *bound >= 0 ? *bound : *cpu;
}

int weft__lx_cpu_of(int tid)
{
	int *bound, *cpu = rec_of(tid, &bound);
	int wc = worker_cpu(&weft__lx_th[tid], WEFT__MAX_THREADS);

	if (wc >= 0)
		return wc;
	return *bound >= 0 ? *bound : *cpu;
}

void weft__lx_cpu_bind_self(int cpu)
{
	int *bound;

	rec_of(tid_of(weft__self()), &bound);
	*bound = cpu;
}

void weft_kx_kthread_bind(struct weft_ktask *t, int cpu, int nr,
			  const struct weft_loc *loc)
{
	int *bound;

	if (!t || t->tid < 0 || t->tid >= WEFT__MAX_THREADS)
		weft__fail(WEFT__K(MISUSE), loc,
			   "kthread_bind of a task that is not running");
	if (cpu < 0 || cpu >= nr)
		weft__fail(WEFT__K(MISUSE), loc,
			   "kthread_bind to CPU %d, which is not possible "
			   "(0 to %d)", cpu, nr - 1);
	/* The kernel binds only a task that is not running, asleep
	 * uninterruptibly as kthread_create leaves it until its first
	 * wake-up (wait_task_inactive with TASK_UNINTERRUPTIBLE, 2 here as
	 * in kthread.c): of any other it warns (__kthread_bind_mask's
	 * WARN_ON) and leaves it where it was. */
	if (!t->created || weft__lx_task_state(t->tid) != 2)
		weft__fail(WEFT__K(ASSERTION), loc,
			   "WARN_ON in kthread_bind: %s runs already (bind a "
			   "kthread between kthread_create and its first "
			   "wake_up_process, or use kthread_create_on_cpu)",
			   t->name);
	(void)rec_of(t->tid, &bound);
	*bound = cpu;
}

/* The static per-CPU sections seen so far (one per object of the
 * program: the executable, a library built with weft-cc), each with the
 * other CPUs' copies.  Kept for the process; refilled per execution. */
#define MAX_SECTIONS 8
static struct section {
	const char *lo, *hi;
	char *area;
	int nr;
	long gen;
} *sections;
static int nsections;

static struct section *section_of(const char *lo, const char *hi, int nr,
				  const struct weft_loc *loc)
{
	struct section *s = NULL;
	size_t span = (size_t)(hi - lo);

	if (!sections)
		sections = weft__persistent_alloc(MAX_SECTIONS *
						  sizeof *sections);
	for (int i = 0; i < nsections; i++)
		if (sections[i].lo == lo)
			s = &sections[i];
	if (!s) {
		if (nsections == MAX_SECTIONS)
			weft__limit("unsupported: per-CPU sections", loc,
				    "per-CPU variables in more than %d "
				    "objects of the program", MAX_SECTIONS);
		s = &sections[nsections++];
		s->lo = lo;
		s->hi = hi;
		s->nr = nr;
		s->area = weft__persistent_alloc(span * (size_t)(nr - 1) + 1);
	}
	if (s->nr != nr)
		weft__fail(WEFT__K(MISUSE), loc,
			   "WEFT_NR_CPUS is %d here and %d elsewhere in the "
			   "same object: build every file with one value",
			   nr, s->nr);
	if (s->gen != weft__exec_gen()) {
		s->gen = weft__exec_gen();
		for (int c = 1; c < nr; c++)
			memcpy(s->area + span * (size_t)(c - 1), lo, span);
	}
	return s;
}

/* Another CPU's copy of a static per-CPU variable is memory of weft's,
 * which reports named memory@N; it is named after the variable instead,
 * rx_pkts[cpu 1] (CPU 0's copy is the variable itself), once per
 * execution, as the names are interned for the execution's report.  The
 * address handed out is named, which is the whole of a scalar variable
 * (a member's access inside a struct variable stays unnamed). */
static void name_copy(const char *var, const char *copy, int cpu)
{
	static long gen = -1;
	static const char *named[64];
	static int nnamed;
	const char *sym, *plus;

	if (gen != weft__exec_gen()) {
		gen = weft__exec_gen();
		nnamed = 0;
	}
	for (int i = 0; i < nnamed; i++)
		if (named[i] == copy)
			return;
	if (nnamed == (int)(sizeof named / sizeof named[0]) ||
	    !(sym = weft__symbolize(var)))
		return;
	named[nnamed++] = copy;
	plus = strchr(sym, '+');
	weft__name_model_object(
		copy, 1,
		plus ? weft__internf("%.*s[cpu %d]%s", (int)(plus - sym), sym,
				     cpu, plus)
		     : weft__internf("%s[cpu %d]", sym, cpu));
}

void *weft_kx_pcpu_ptr(const void *p, int cpu, const char *lo,
		       const char *hi, int nr, const struct weft_loc *loc)
{
	const char *a = p, *base;
	size_t n, slot;

	if (cpu < 0 || cpu >= nr)
		weft__fail(WEFT__K(MISUSE), loc,
			   "per-CPU data of CPU %d, which is not possible "
			   "(0 to %d)", cpu, nr - 1);
	if (lo && a >= lo && a < hi) {
		struct section *s = section_of(lo, hi, nr, loc);
		char *copy;

		if (cpu == 0)
			return (void *)a;
		copy = s->area + (size_t)(hi - lo) * (size_t)(cpu - 1) +
		       (size_t)(a - lo);
		name_copy(a, copy, cpu);
		return copy;
	}
	base = weft__heap_live_block(p, &n);
	if (!base) {
		if (weft__heap_block_start(p))
			weft__check_access(p, 1, false, loc); /* reports */
		weft__fail(WEFT__K(MISUSE), loc,
			   "per-CPU access through %p, which is neither a "
			   "DEFINE_PER_CPU variable nor alloc_percpu memory",
			   p);
	}
	slot = n / (size_t)nr;
	if (!slot || n % (size_t)nr)
		weft__fail(WEFT__K(MISUSE), loc,
			   "per-CPU access through %p, which is in a block "
			   "that alloc_percpu did not allocate", p);
	return (char *)base + slot * (size_t)cpu + (size_t)(a - base) % slot;
}

void *weft_kx_alloc_percpu(size_t size, size_t align, int nr,
			   const struct weft_loc *loc)
{
	size_t slot = size ? size : 1;

	if (align > 1)
		slot = (slot + align - 1) / align * align;
	weft_might_sleep("alloc_percpu", NULL, loc);
	return weft__malloc(slot * (size_t)nr, true, "alloc_percpu", loc);
}

void weft_kx_free_percpu(void *p, const struct weft_loc *loc)
{
	if (p)
		weft__free_step(p, "free_percpu", loc);
}
