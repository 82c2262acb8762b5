/* src/linux/ctx.c - per-thread kernel context, sleep checks, warnings and
 * the per-execution hooks of the Linux models. */
#include <string.h>

#include "lx.h"
#include <kernel/linux/weft_ext.h>
#include <weft/refcount.h>

/* Zero when the program starts, and written only through weft__lx_me
 * (which counts the entries written) in an execution: the first one
 * clears nothing (clearing every entry touched 66 pages, 66 page faults
 * in each run of every program). */
struct weft__lx_thread weft__lx_th[WEFT__MAX_THREADS];
int weft__lx_th_dirty;

const char *weft__lx_tname(int tid)
{
	const char *n = tid >= 0 ? weft__thread_name(tid) : NULL;
	return n ? n : "?";
}

const char *weft__lx_site(const struct weft_loc *loc)
{
	if (!loc || !loc->file)
		return "an unknown place";
	return weft__internf("%s:%d", loc->file, loc->line);
}

void weft__lx_ctx_acquired(int cls, const struct weft_loc *loc)
{
	struct weft__lx_thread *me = weft__lx_me();

	for (int i = 0; i < me->nctx; i++)
		if (me->ctx_cls[i] == cls)
			return;
	/* Keep the most recent ones when the record is full: they are the
	 * likeliest to matter for an event that follows. */
	if (me->nctx == LX_MAX_CTX_ACQ) {
		memmove(me->ctx_cls, me->ctx_cls + 1,
			sizeof me->ctx_cls[0] * (LX_MAX_CTX_ACQ - 1));
		memmove(me->ctx_loc, me->ctx_loc + 1,
			sizeof me->ctx_loc[0] * (LX_MAX_CTX_ACQ - 1));
		me->nctx--;
	}
	me->ctx_cls[me->nctx] = cls;
	me->ctx_loc[me->nctx++] = loc;
}

static bool skipped(const struct weft__lx_thread *me, int cls)
{
	return me->skip_cls[0] == cls + 1 || me->skip_cls[1] == cls + 1;
}

/* DEPT's idea: whoever waits for this event also waits for every lock
 * the caller took in its current context before the event (it might
 * block on one of them first).  The classes the context's runner holds
 * for itself (a worker's work and queue) are left out: a work completing
 * what another work of the same queue waits for is fine on a
 * multi-worker queue. */
void weft__lx_event_edges(int ev_cls, const struct weft_loc *loc)
{
	const struct weft__lx_thread *me = weft__lx_me();
	int held[64], n;

	for (int i = 0; i < me->nctx; i++)
		weft__dep_edge(ev_cls, me->ctx_cls[i], loc, me->ctx_loc[i]);
	n = weft__held(held, 64);
	for (int i = 0; i < n; i++) {
		bool mine = false;
		for (int j = 0; j < me->nctx; j++)
			mine |= me->ctx_cls[j] == held[i];
		if (!mine && !skipped(me, held[i]))
			weft__dep_edge(ev_cls, held[i], loc, NULL);
	}
}

void weft__lx_ctx_enter(struct weft__lx_ctx_save *s, const char *atomic_what,
		  const char *atomic_name, int skip0, int skip1)
{
	struct weft__lx_thread *me = weft__lx_me();

	s->nctx = me->nctx;
	s->atomic_what = me->atomic_what;
	s->atomic_name = me->atomic_name;
	s->skip_cls[0] = me->skip_cls[0];
	s->skip_cls[1] = me->skip_cls[1];
	/* A callback or work function starts a fresh context: what the
	 * worker did for an earlier work does not precede this one's events. */
	me->nctx = 0;
	me->atomic_what = atomic_what;
	me->atomic_name = atomic_name;
	me->skip_cls[0] = skip0;
	me->skip_cls[1] = skip1;
}

void weft__lx_ctx_leave(const struct weft__lx_ctx_save *s)
{
	struct weft__lx_thread *me = weft__lx_me();
	bool reader = me->atomic_what != NULL;

	/* The records of the callback are dropped: they were made in a
	 * context that has ended.  What the thread did before is gone too
	 * (workers and callback threads do nothing outside callbacks). */
	me->nctx = 0;
	me->atomic_what = s->atomic_what;
	me->atomic_name = s->atomic_name;
	me->skip_cls[0] = s->skip_cls[0];
	me->skip_cls[1] = s->skip_cls[1];
	/* Only a context that was an RCU reader (a callback, a BH work)
	 * ends a region a grace period is ordered after: a work function
	 * runs in process context, and its end as a region's end ordered
	 * everything it did before a later synchronize_rcu, where the
	 * kernel's period need not wait for it (a work's write after it
	 * announced its start, to memory freed after synchronize_rcu, was
	 * verified; a probe comparing the strategies). */
	if (reader)
		weft__lx_rcu_implicit_end(NULL);
}

int weft_in_atomic(void)
{
	const struct weft__lx_thread *me = weft__lx_me();

	return me->spin_depth > 0 || me->rcu_depth > 0 || me->atomic_what ||
	       me->irqs_off;
}

/* A FreeBSD epoch section forbids sleeping, preemptible or not: the
 * kernel marks the thread THREAD_NO_SLEEPING (or runs it in a critical
 * section) from epoch_enter to epoch_exit, and a sleep there panics under
 * INVARIANTS.  The model's epochs are SRCU-like domains, whose readers
 * may sleep, so it was not checked (a probe's open item). */
static void epoch_sleep(const struct weft__lx_thread *me, const char *what,
			const struct weft_loc *loc)
{
	for (int i = 0; i < me->nrsec; i++)
		if (me->rsec[i].d->epoch && me->rsec[i].depth > 0)
			weft__fail(WEFT__K(MISUSE), loc,
				   "%s may sleep inside a section of epoch %s "
				   "(epoch_enter at %s): a thread may not "
				   "sleep in an epoch section",
				   what, me->rsec[i].d->name ? me->rsec[i].d->name
							    : "?",
				   weft__lx_site(me->rsec[i].loc));
}

/* What a spinning lock s is called in a report: an rmlock(9) (FreeBSD's,
 * not sleepable) is one too, and so are a seqlock's and a seqcount's
 * write sections (they were called rwlocks). */
static const char *spinning_kind(const struct weft_klock *s)
{
	if (!s || s->kind != WEFT_KLOCK_RWLOCK)
		return "spinlock";
	if (s->seq)
		return s->seq == 2 ? "seqcount" : "seqlock";
	return s->bsd == 2 ? "rmlock" : "rwlock";
}

void weft_might_sleep(const char *what, const char *obj,
		      const struct weft_loc *loc)
{
	const struct weft__lx_thread *me = weft__lx_me();
	const struct weft_klock *s;

	if (me->spin_depth <= 0 && me->rcu_depth <= 0 && !me->atomic_what &&
	    !me->irqs_off && !me->nrsec)
		return;
	if (obj)
		what = weft__internf("%s(%s)", what, obj);
	epoch_sleep(me, what, loc);
	if (me->spin_depth <= 0 && me->rcu_depth <= 0 && !me->atomic_what &&
	    !me->irqs_off)
		return; /* only SRCU sections, where a reader may sleep */

	if (me->spin_depth > 0) {
		s = weft__lx_held_spinning(weft__self());
		if (s && s->seq && s->owner == weft__self() + 1)
			weft__fail(WEFT__K(MISUSE), loc,
				   "%s may sleep inside a write section of "
				   "%s %s (begun at %s): its readers spin "
				   "meanwhile", what, spinning_kind(s),
				   s->name ? s->name : "?",
				   weft__lx_site(s->acquired));
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s may sleep while %s %s is held (taken at "
			   "%s)", what, spinning_kind(s),
			   s && s->name ? s->name : "?",
			   weft__lx_site(s ? s->acquired : NULL));
	}
	if (me->rcu_depth > 0)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s may sleep inside an RCU read section "
			   "(rcu_read_lock at %s)", what, weft__lx_site(me->rcu_loc));
	if (me->atomic_what)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s may sleep in atomic context (%s%s%s)",
			   what, me->atomic_what, me->atomic_name ? " " : "",
			   me->atomic_name ? me->atomic_name : "");
	/* Interrupts are a state (ext_irq.c), not a section: a
	 * local_irq_enable inside local_irq_save is legal. */
	weft__fail(WEFT__K(MISUSE), loc,
		   "%s may sleep with interrupts disabled", what);
}

void weft_might_sleep_in_task(const char *what, const char *obj,
			      const struct weft_loc *loc)
{
	/* The kernel's in_interrupt(): softirqs disabled count too. */
	if (weft_kx_in_softirq() || weft_kx_in_hardirq() ||
	    weft__lx_me()->bh_off > 0)
		return;
	weft_might_sleep(what, obj, loc);
}

_Noreturn void weft_kwarn(const char *macro, const char *cond,
			  const struct weft_loc *loc)
{
	weft__fail(WEFT__K(ASSERTION), loc, "%s(%s) triggered", macro, cond);
}

/* ---- daemon threads ------------------------------------------------------ */

struct weft__lx_boot {
	void (*fn)(void *);
	void *arg;
	int started;
};

static void boot(void *p)
{
	struct weft__lx_boot *b = p;

	/* The thread's start step read the boot record, so the spawner's
	 * wait depends on it (otherwise a sleep set could keep the spawner
	 * asleep forever); nothing runs between that step and here. */
	b->started = 1;
	b->fn(b->arg);
}

static bool booted(const struct weft__op *op)
{
	return ((const struct weft__lx_boot *)op->obj)->started;
}

/* Spawn a daemon and wait until it has taken its first step.  The test
 * ends as soon as only daemons are left, so a daemon that never ran would
 * never show its first real operation to partial-order reduction, which
 * would then not try running it before the operations it races with. */
static int spawn(void (*fn)(void *), void *arg, const char *name,
		 bool system, uintptr_t role, const struct weft_loc *loc)
{
	struct weft__lx_boot *b = weft__exec_alloc(sizeof *b);
	struct weft__op op = { .name = "wait_started", .obj = b,
			       .objname = name, .access = WEFT__ACC_WRITE,
			       .ready = booted, .loc = loc };
	int tid;

	b->fn = fn;
	b->arg = arg;
	tid = system ? weft__spawn_system(boot, b, name,
					  WEFT__THREAD_DAEMON |
						  WEFT__THREAD_AWAITED,
					  b, role, loc)
		     : weft__spawn_on(boot, b, name,
				      WEFT__THREAD_DAEMON | WEFT__THREAD_AWAITED,
				      b, loc);
	weft__visible(&op);
	return tid;
}

int weft__lx_spawn_daemon(void (*fn)(void *), void *arg, const char *name,
			  const struct weft_loc *loc)
{
	return spawn(fn, arg, name, false, 0, loc);
}

int weft__lx_spawn_system(void (*fn)(void *), void *arg, const char *name,
			  uintptr_t role, const struct weft_loc *loc)
{
	return spawn(fn, arg, name, true, role, loc);
}

/* ---- per-execution hooks ------------------------------------------------ */

void weft__linux_ctx_begin(void)
{
	/* Only when a thread used the model: an empty memset of a page no
	 * execution has touched took a slow store assist (about 200 ns) in
	 * every execution of every test that uses no kernel model. */
	for (int i = 0; i < weft__lx_th_dirty; i++)
		memset(&weft__lx_th[i], 0,
		       offsetof(struct weft__lx_thread, rsec));
	weft__lx_th_dirty = 0;
	weft_rtnl_mutex = (struct weft_klock)WEFT_KLOCK_INIT(WEFT_KLOCK_MUTEX,
							     "rtnl_mutex");
	weft_cpu_hotplug_lock = (struct weft_klock)WEFT_KLOCK_INIT(
		WEFT_KLOCK_RWSEM, "cpu_hotplug_lock");
	weft__lx_time_begin();
	weft__lx_wq_begin();
	weft__lx_rcu_begin();
	weft__lx_kref_begin();
	weft__lx_kthread_begin();
}

/* End-of-test checks, most specific first: a pending work or armed timer
 * explains the leaked memory the heap check would report next. */
void weft__linux_ctx_end(void)
{
	weft__lx_wq_end_check();
	weft__lx_time_end_check();
	weft__lx_rcu_read_end_check();
	weft__lx_srcu_detached_end_check();
	weft__lx_rcu_end_check();
	weft__lx_kthread_end_check();
	weft__lx_kref_end_check();
	weft__lx_held_end_check();
}

void weft__lx_depths_save(struct weft__lx_depths *d)
{
	const struct weft__lx_thread *me = weft__lx_me();

	*d = (struct weft__lx_depths){ me->bh_off, me->irqs_off,
				       weft_kx_atomic_depth() };
}

void weft__lx_depths_check(const struct weft__lx_depths *d, const char *what,
			   const char *name, const char *says,
			   const struct weft_loc *loc)
{
	const struct weft__lx_thread *me = weft__lx_me();
	const char *left = NULL;

	if (me->bh_off != d->bh)
		left = me->bh_off > d->bh
			       ? "softirqs disabled"
			       : "softirqs enabled it did not disable";
	else if (me->irqs_off != d->irqs)
		left = me->irqs_off ? "interrupts disabled"
				    : "interrupts enabled";
	else if (weft_kx_atomic_depth() != d->atomic)
		left = "preemption disabled (an atomic section left open: "
		       "get_cpu without put_cpu, preempt_disable)";
	if (left)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s %s returned with %s (the kernel: \"%s\")",
			   what, name, left, says);
}
