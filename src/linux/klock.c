/* src/linux/klock.c - spinlocks, mutexes, rw_semaphores and rwlocks.
 *
 * One implementation serves the four kernel lock kinds.  A lock's state
 * lives in the object, so DEFINE_MUTEX statics start each execution
 * unlocked.  Acquisition blocks through readiness (ready() reads only the
 * lock), records the hold in the calling thread's context (for the
 * sleeping-under-spinlock check and lockdep_assert_held) and in the
 * lock-order graph.  Every lock, trylock and unlock checks that the lock's
 * memory is not freed heap, before its step and, for a thread that may
 * have waited, after it (use-after-free). */
#include <errno.h>
#include <stdio.h>
#include <stddef.h>

#include "lx.h"
#include "sync/sync.h"
#include <kernel/linux/weft_ext.h>

/* The kernel's names read the core rwlock's fields (weft/klock.h). */
_Static_assert(offsetof(struct weft_klock, owner) ==
		       offsetof(struct weft_klock, rw.writer) &&
	       offsetof(struct weft_klock, readers) ==
		       offsetof(struct weft_klock, rw.readers) &&
	       offsetof(struct weft_klock, cls) ==
		       offsetof(struct weft_klock, rw.cls) &&
	       offsetof(struct weft_klock, name) ==
		       offsetof(struct weft_klock, rw.name) &&
	       offsetof(struct weft_klock, acquired) ==
		       offsetof(struct weft_klock, rw.acquired),
	       "struct weft_klock's two views of its state differ");

struct weft_klock weft_rtnl_mutex = WEFT_KLOCK_INIT(WEFT_KLOCK_MUTEX,
						    "rtnl_mutex");
struct weft_klock weft_cpu_hotplug_lock =
	WEFT_KLOCK_INIT(WEFT_KLOCK_RWSEM, "cpu_hotplug_lock");

/* The class is computed on first use (klock_names.c). */
static int lclass(struct weft_klock *l)
{
	return weft__lx_klock_class(l);
}

void weft_klock_init(struct weft_klock *l, int kind, const char *name,
		     const struct weft_loc *loc)
{
	/* Asked of the thread's held set, not of the lock's bytes: a lock
	 * on the stack lies over an older frame's, whose owner field may
	 * name this thread (a mutex_init in a later call was misuse once a
	 * change moved the bytes below it). */
	const char *what = weft__lx_klock_init_op(kind);
	const struct weft_loc *at;
	int t;

	if (weft__self() >= 0 && weft__lx_holds(weft__self(), l))
		weft__fail(WEFT__K(MISUSE), loc,
			   "re-initialising %s while holding it",
			   weft__lx_klock_name(l));
	/* Another thread's hold: the kernel's init resets the owner and the
	 * wait list under the holder and its waiters, and the next taker
	 * enters the critical section beside the holder (obj_init.c). */
	if (weft__lx_init_step(what, l, sizeof *l,
			       name ? name : weft__objname(l, "lock"),
			       (uintptr_t)__builtin_return_address(0), loc) &&
	    (t = weft__lx_klock_holder(l, &at)) >= 0)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s(%s) while %s holds it (taken at %s): the lock "
			   "is reset under its holder, and the next taker "
			   "enters beside it", what,
			   name ? name : weft__objname(l, "lock"),
			   weft__lx_tname(t), weft__lx_site(at));
	/* FreeBSD's lock_init asserts (INVARIANTS) "lock already
	 * initialized" unless SX_NEW or RW_NEW says the memory is fresh.
	 * Statics and the tracked heap start every execution clean, so a
	 * live lock there was initialised in this execution; a stack's
	 * bytes may be an older frame's.  A re-attach that ran sx_init again
	 * was verified (a FreeBSD probe). */
	if ((kind & WEFT_KLOCK_BSD) && !(kind & WEFT_KLOCK_NEW) && l->live &&
	    l->bsd && weft__lx_known_mem(l))
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s(%s) of a lock that is already initialised "
			   "(destroy it first)", what,
			   name ? name : weft__objname(l, "lock"));
	*l = (struct weft_klock)WEFT_KLOCK_INIT(kind, name);
	l->live = 1;
	l->init = loc;
	l->bsd = (kind & WEFT_KLOCK_BSD) ? 1 + ((kind & WEFT_KLOCK_BSD_RM) != 0)
					 : 0;
	l->recurse = (kind & WEFT_KLOCK_RECURSE) != 0;
}

/* A recursive lock taken again (try: by a trylock, which then succeeds)
 * or given back once by its exclusive holder: a step on the lock that
 * orders nothing new, since the holder already has it.  false when the
 * caller is not that holder of a recursive lock. */
static bool recursion(struct weft_klock *l, int delta, bool try,
		      const struct weft_loc *loc)
{
	struct weft__op op;

	if (!l->recurse || l->owner != weft__self() + 1 ||
	    (delta < 0 && l->depth == 0))
		return false;
	/* Taken again or let go of by its holder: no acquisition (op.h). */
	op = (struct weft__op){
		.name = delta > 0 ? weft__lx_klock_op(l, 0, try)
				  : weft__lx_klock_unlock_op(l, false),
		.obj = l, .objname = weft__lx_klock_name(l),
		.access = WEFT__ACC_WRITE, .reenter = true, .loc = loc };
	weft__visible(&op);
	l->depth += delta;
	return true;
}

static bool excl_ready(const struct weft__op *op)
{
	const struct weft_klock *l = op->obj;
	return weft__rw_can_write(&l->rw);
}

static bool shared_ready(const struct weft__op *op)
{
	const struct weft_klock *l = op->obj;
	return weft__rw_can_read(&l->rw);
}

/* The lock-order effect of a step on l: the lock itself in the held set,
 * tagged as a kernel lock, so the models find their locks there. */
/* What a step on l reads besides l, for the explorer: a spinlock's region
 * is one the classic RCU domain's grace periods wait for (rcu_read.c's
 * implicit reader), so its lock and unlock read the domain, whose
 * period's start writes it.  Without it, a period that began before the
 * region was never tried once the region had ended before it in the
 * first schedule, whose start is then ordered after the region's end: a
 * write just before the region, to memory freed after synchronize_rcu,
 * was verified in one schedule (a probe comparing the exhaustive search
 * with random ones). */
static const void *region_obj(const struct weft_klock *l)
{
	return WEFT_KLOCK_SPINS(l->kind) && !l->bsd ? &weft__lx_rcu_classic
						     : NULL;
}

static struct weft__op_lock lock_of(struct weft_klock *l, uint8_t effect)
{
	return (struct weft__op_lock){
		.cls1 = lclass(l) + 1, .effect = effect, .obj = l,
		.tag = &weft__lx_klock_tag, .spins = WEFT_KLOCK_SPINS(l->kind) };
}

/* The step took l (the lock-order listener has entered it in the held
 * set): the context's own account. */
static void note_held(struct weft_klock *l, const struct weft_loc *loc,
		      bool try)
{
	struct weft__lx_thread *me = weft__lx_me();

	if (WEFT_KLOCK_SPINS(l->kind))
		me->spin_depth++;
	if (!try)
		weft__lx_ctx_acquired(lclass(l), loc);
}

/* The caller now holds l (shared: for reading): record it on the lock and
 * in the thread's held set. */
static void take(struct weft_klock *l, bool shared, const struct weft_loc *loc,
		 bool try)
{
	weft__rw_take(&l->rw, !shared, loc);
	note_held(l, loc, try);
}

/* The step released l (the caller was checked to hold it, and the
 * lock-order listener has taken it out of the held set). */
static void drop_held(struct weft_klock *l)
{
	if (WEFT_KLOCK_SPINS(l->kind)) {
		weft__lx_me()->spin_depth--;
		weft__lx_rcu_implicit_end(NULL);
	}
}

/* A read hold of an rw_semaphore the caller already holds for reading:
 * a writer that queues in between blocks the second down_read() (no
 * reader passes a waiting writer), and the writer waits for the first
 * hold.  lockdep reports it in every execution ("possible recursive
 * locking"), writer or not, and so does this, as a finding.  The same
 * for an rwlock_t outside interrupt context: the queued rwlock lets a
 * reader pass a waiting writer only in_interrupt() (hard or soft
 * interrupt context, or softirqs disabled), and lockdep since 5.10
 * reports the recursion elsewhere; it was verified (found by a probe of
 * kernel deadlocks). */
static bool read_nests(const struct weft_klock *l)
{
	/* FreeBSD's sx and rw locks: a thread that holds a shared lock
	 * passes a waiting writer. */
	if (l->bsd)
		return true;
	if (l->kind == WEFT_KLOCK_RWSEM)
		return false;
	if (l->kind == WEFT_KLOCK_RWLOCK)
		return weft_kx_in_softirq() || weft_kx_in_hardirq() ||
		       weft__lx_me()->bh_off > 0;
	return true;
}

/* Where the caller took its first read hold of l, or NULL. */
static const struct weft_loc *first_read(const struct weft_klock *l)
{
	const struct weft__held_lock *e;
	const struct weft_loc *first = NULL;

	for (int i = weft__held_locks(weft__self(), &e); i-- > 0;)
		if (e[i].obj == l && e[i].tag == &weft__lx_klock_tag)
			first = e[i].at;
	return first;
}

/* A second read hold of an rmlock(9) made without RM_RECURSE: FreeBSD's
 * _rm_rlock_debug asserts (INVARIANTS) that the thread has no tracker of
 * the lock yet.  The read holds of weft's lock nest, so it was verified
 * (a FreeBSD probe). */
static void rm_recursed(const struct weft_klock *l, const char *name,
			const struct weft_loc *loc)
{
	const struct weft_loc *first = first_read(l);

	weft__fail(WEFT__K(MISUSE), loc,
		   "%s: recursed on non-recursive rmlock %s (read-locked at "
		   "%s; rm_init_flags with RM_RECURSE lets readers nest)",
		   name, weft__lx_klock_name(l),
		   first ? weft__lx_site(first) : "?");
}

static void recursive_read(const struct weft_klock *l, const char *name,
			   const struct weft_loc *loc)
{
	const struct weft_loc *first = first_read(l);
	char msg[512];

	snprintf(msg, sizeof msg,
		 "possible deadlock: %s(%s) at %s by %s, which already "
		 "holds it for reading (taken at %s): a writer queued in "
		 "between blocks the second %s, and waits for the "
		 "first (read holds of %s do not nest)",
		 name, weft__lx_klock_name(l), weft__lx_site(loc),
		 weft__lx_tname(weft__self()),
		 first ? weft__lx_site(first) : "?", name,
		 l->kind == WEFT_KLOCK_RWLOCK
			 ? "an rwlock_t outside interrupt context"
			 : "an rw_semaphore");
	weft__note_finding(WEFT__K(LOCK_ORDER),
			   0x7265637264ull ^ (uint64_t)(uintptr_t)loc, msg);
}

/* Free for the taking (for reading when op->arg is set), or a stop's
 * signal for the waiter (arg2). */
static bool free_for(const struct weft__op *op)
{
	return op->arg ? shared_ready(op) : excl_ready(op);
}

static bool free_or_signalled(const struct weft__op *op)
{
	return free_for(op) || weft__lx_task_notified((int)op->arg2);
}

/* An interrupted lock takes nothing (lockorder.c, odpor_ev.c count the
 * step's effect by this). */
static uint8_t intr_effect(const struct weft__op *op)
{
	return free_for(op) ? WEFT__LOCK_ACQUIRE : WEFT__LOCK_NONE;
}

/* Take l (shared: a read side).  intr names an interruptible or killable
 * take (mutex_lock_interruptible, ...), which ends with -EINTR, taking
 * nothing, once the caller is stopped while l is not free; NULL for the
 * plain take, which returns 0. */
static int acquire(struct weft_klock *l, bool shared, const char *intr,
		   const struct weft_loc *loc)
{
	const char *name;
	struct weft__op op;

	if (intr)
		weft__lx_signal_done();
	weft__check_access(l, sizeof *l, true, loc);
	weft__lx_klock_check_init(l, intr ? intr : "lock", loc);
	if (!shared && recursion(l, 1, false, loc))
		return 0;
	name = intr ? intr : weft__lx_klock_op(l, shared, 0);
	/* A read side is a read of the lock, as a POSIX rwlock's is (sync/
	 * rwlock.c): ordered after the last writer's release and before
	 * the next writer, but not with the other readers, which share the
	 * lock at once; as writes, two readers' sections were ordered, and
	 * their races on what they share were never seen. */
	op = (struct weft__op){ .name = name, .obj = l,
			       .objname = weft__lx_klock_name(l),
			       .obj_read = region_obj(l),
			       .access = shared ? WEFT__ACC_READ
						: WEFT__ACC_WRITE,
			       .ready = shared ? shared_ready : excl_ready,
			       .waitdesc = weft__lx_klock_waitdesc,
			       .lock = lock_of(l, WEFT__LOCK_ACQUIRE),
			       .loc = loc };
	if (intr) {
		/* The kernel's slow paths try the lock before they look at
		 * signals (__mutex_lock_common, __down_read_common), so a
		 * free lock is taken even by a stopped thread.  The stop
		 * writes the caller's task state (kthread.c), which the
		 * wait reads. */
		op.obj2 = weft__lx_task_state_obj(weft__self());
		op.interruptible = true;
		op.ready = free_or_signalled;
		op.lock_now = intr_effect;
		op.arg = shared ? (void *)1 : NULL;
		op.arg2 = weft__self();
	}

	if (!WEFT_KLOCK_SPINS(l->kind))
		weft_might_sleep(name, weft__lx_klock_name(l), loc);
	else
		weft__lx_ctx_check_spin(l, weft__lx_klock_name(l), shared, loc);
	/* A read side the thread holds already is taken again: no
	 * acquisition for the search (op.h). */
	op.reenter = shared && weft__lx_klock_reader(weft__self(), l);
	if (op.reenter && l->bsd == 2 && !l->recurse)
		rm_recursed(l, name, loc);
	if (op.reenter && !read_nests(l))
		recursive_read(l, name, loc);
	/* A user's signal may come while it waits (usig.c).  Offered
	 * whether or not the lock is free now: the choice is a step, after
	 * which another thread may take it, and a free lock is taken
	 * without a look at signals. */
	if (intr)
		(void)weft__lx_signal_maybe(loc);
	weft__visible(&op);
	/* The lock may have been freed while the thread waited for it. */
	weft__check_access(l, sizeof *l, true, loc);
	if (intr && !free_for(&op)) {
		weft__step_note("interrupted");
		return -EINTR;
	}
	take(l, shared, loc, false);
	return 0;
}

void weft_klock_lock(struct weft_klock *l, const struct weft_loc *loc)
{
	(void)acquire(l, false, NULL, loc);
}

int weft_klock_lock_intr(struct weft_klock *l, const char *what,
			 const struct weft_loc *loc)
{
	return acquire(l, false, what, loc);
}

int weft_klock_read_intr(struct weft_klock *l, const char *what,
			 const struct weft_loc *loc)
{
	return acquire(l, true, what, loc);
}

void weft_klock_seq_write_begin(struct weft_klock *l,
				const struct weft_loc *loc)
{
	int me = weft__self();

	weft__check_access(l, sizeof *l, true, loc);
	weft__lx_klock_check_init(l, "write_seqcount_begin", loc);
	/* A step of its own, always enabled: the other writer's section
	 * is seen from inside, where the lock's own step would wait.  (Not
	 * named as the call, which the lock's step is.) */
	weft__point("seqcount_writers", l, weft__lx_klock_name(l),
		    WEFT__ACC_WRITE, loc);
	if (l->owner && l->owner != me + 1)
		weft__fail(WEFT__K(MISUSE), loc,
			   "write_seqcount_begin(%s) by %s while %s is inside "
			   "its write section (begun at %s): a seqcount's "
			   "writers must be serialised by a lock of the "
			   "caller's, or the two race on the count and the "
			   "data", weft__lx_klock_name(l), weft__lx_tname(me),
			   weft__lx_tname(l->owner - 1),
			   weft__lx_site(l->acquired));
	(void)acquire(l, false, NULL, loc);
}

void weft_klock_read(struct weft_klock *l, const struct weft_loc *loc)
{
	(void)acquire(l, true, NULL, loc);
}

/* A trylock of a busy lock takes nothing (op->arg2: for reading). */
static uint8_t try_effect(const struct weft__op *op)
{
	bool ok = op->arg2 ? shared_ready(op) : excl_ready(op);

	return ok ? WEFT__LOCK_TRY : WEFT__LOCK_NONE;
}

/* What a trylock does to the lock, settled at its step: a write when it
 * takes the lock for writing, a read when it takes it for reading (as
 * down_read does), and when it fails only a read, for the clocks.  One
 * that succeeds is an acquisition, which later blocking acquisitions race
 * with (odpor_ev.c), so that the order in which the blocking lock comes
 * first, and the trylock fails, is tried too.  An exclusive trylock is a
 * write for the explorer whatever its outcome (por_write): the read
 * sides, reads of each other, decide whether it succeeds. */
static uint8_t try_access(const struct weft__op *op)
{
	bool ok = op->arg2 ? shared_ready(op) : excl_ready(op);

	return ok && !op->arg2 ? WEFT__ACC_WRITE : WEFT__ACC_READ;
}

/* A mutex belongs to a task (its owner is current), so the kernel forbids
 * it in hard or soft interrupt context (timer handlers, tasklets, RCU
 * callbacks) even in the forms that never sleep: mutex_trylock and
 * mutex_unlock (mutex.h; PREEMPT_RT's rt_mutex_trylock warns when
 * !in_task()).  mutex_lock there is the sleep in atomic context
 * weft_might_sleep reports. */
static void task_only(const struct weft_klock *l, const char *name,
		      const struct weft_loc *loc)
{
	if (l->kind != WEFT_KLOCK_MUTEX || l->bsd)
		return;
	if (weft_kx_in_softirq() || weft_kx_in_hardirq())
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s(%s) in %s context: a mutex belongs to a task "
			   "and may not be used in interrupt context, even "
			   "by a trylock (use a spinlock)",
			   name, weft__lx_klock_name(l),
			   weft_kx_in_hardirq() ? "hardirq" : "softirq");
}

static int try_acquire(struct weft_klock *l, bool shared,
		       const struct weft_loc *loc)
{
	struct weft__op op;

	weft__check_access(l, sizeof *l, true, loc);
	weft__lx_klock_check_init(l, "trylock", loc);
	task_only(l, weft__lx_klock_op(l, shared, 1), loc);
	if (!shared && recursion(l, 1, true, loc))
		return 1;
	op = (struct weft__op){ .name = weft__lx_klock_op(l, shared, 1), .obj = l,
				.objname = weft__lx_klock_name(l),
				.obj_read = region_obj(l),
				.access = shared ? WEFT__ACC_READ
						 : WEFT__ACC_WRITE,
				.lock = lock_of(l, WEFT__LOCK_TRY),
				.lock_now = try_effect,
				.access_now = try_access, .arg2 = shared,
				.por_write = !shared,
				.reenter = shared &&
					   weft__lx_klock_reader(weft__self(), l),
				.loc = loc };
	weft__visible(&op);
	weft__check_access(l, sizeof *l, true, loc);
	if (shared ? !shared_ready(&op) : !excl_ready(&op)) {
		weft__spun_tried();
		weft__step_note("busy");
		return 0;
	}
	take(l, shared, loc, true);
	return 1;
}

int weft_klock_trylock(struct weft_klock *l, const struct weft_loc *loc)
{
	return try_acquire(l, false, loc);
}

int weft_klock_tryread(struct weft_klock *l, const struct weft_loc *loc)
{
	return try_acquire(l, true, loc);
}

/* How many holds of l the caller has (read sides may nest). */

/* Whether a thread other than me waits to take l: its next step is on
 * l. */
bool weft__lx_klock_has_waiter(const struct weft_klock *l, int me)
{
	for (int i = 0; i < weft__nthreads(); i++) {
		const struct weft__op *p = weft__thread_pending(i);
		if (i != me && p && p->obj == l)
			return true;
	}
	return false;
}

/* A Linux mutex or rw_semaphore with a waiter is let go in two parts:
 * the owner word first, then the wait list, under lock->wait_lock, to
 * wake the waiter.  In between the waiter may take the lock and, last
 * user of the object holding it, free it: "mutex_unlock() can NOT
 * directly be used to release an object such that another concurrent
 * task can free it" (kernel/locking/mutex.c).  One step only, the free
 * after another thread's unlock was verified (a helper's probe of
 * driver code); the wake is a step of its own on the lock, checked for
 * use after free.  Spinlocks, rwlocks and FreeBSD's locks touch nothing
 * after their release. */
void weft__lx_klock_wake(struct weft_klock *l, const struct weft_loc *loc)
{
	/* Its object is a byte inside the lock, not the lock: the step
	 * conflicts with a free of the block that holds the lock (a use
	 * of the block) and with nothing else, so the search tries it
	 * only against frees (on the lock itself it conflicted with every
	 * lock and unlock, and seed 000's correct join needed more than
	 * the budget). */
	weft__visible(&(struct weft__op){
		.name = l->kind == WEFT_KLOCK_MUTEX ? "mutex_unlock"
						     : "rwsem_wake",
		.obj = (const char *)l + 1, .objname = weft__lx_klock_name(l),
		.access = WEFT__ACC_READ, .loc = loc });
	weft__step_note("wakes a waiter");
	weft__check_access(l, sizeof *l, true, loc);
}

static void release(struct weft_klock *l, bool shared,
		    const struct weft_loc *loc)
{
	int me = weft__self();
	const char *name = weft__lx_klock_unlock_op(l, shared);
	bool wake;

	weft__check_access(l, sizeof *l, true, loc);
	if (shared ? !weft__lx_klock_reader(me, l) : l->owner != me + 1) {
		if (l->owner)
			weft__fail(WEFT__K(MISUSE), loc,
				   "%s(%s) by %s, but it is held by %s (taken "
				   "at %s)", name, weft__lx_klock_name(l), weft__lx_tname(me),
				   weft__lx_tname(l->owner - 1), weft__lx_site(l->acquired));
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s(%s) by %s, which does not hold it",
			   name, weft__lx_klock_name(l), weft__lx_tname(me));
	}
	wake = (l->kind == WEFT_KLOCK_MUTEX || l->kind == WEFT_KLOCK_RWSEM) &&
	       !l->bsd && weft__lx_klock_has_waiter(l, me);
	weft__visible(&(struct weft__op){
		.name = name, .obj = l, .objname = weft__lx_klock_name(l),
		.obj_read = region_obj(l),
		.access = shared ? WEFT__ACC_READ : WEFT__ACC_WRITE,
		.release = true,
		.lock = lock_of(l, WEFT__LOCK_RELEASE), .loc = loc });
	/* A thread may hold a read side more than once (rwlock_t readers
	 * nest): it stays a reader until its last unlock. */
	weft__rw_drop(&l->rw, !shared);
	drop_held(l);
	if (wake)
		weft__lx_klock_wake(l, loc);
}

void weft_klock_unlock(struct weft_klock *l, const struct weft_loc *loc)
{
	task_only(l, weft__lx_klock_unlock_op(l, false), loc);
	if (!recursion(l, -1, false, loc))
		release(l, false, loc);
}

void weft_klock_read_unlock(struct weft_klock *l, const struct weft_loc *loc)
{
	release(l, true, loc);
}

void weft_klock_downgrade(struct weft_klock *l, const struct weft_loc *loc)
{
	int me = weft__self();

	if (l->owner != me + 1)
		weft__fail(WEFT__K(MISUSE), loc,
			   "downgrade_write(%s) without holding "
			   "it for writing", weft__lx_klock_name(l));
	weft__release_point("downgrade_write", l, weft__lx_klock_name(l), loc);
	weft__rw_downgrade(&l->rw, loc);
}

int weft_klock_is_locked(struct weft_klock *l, const struct weft_loc *loc)
{
	struct weft__op op = {
		.name = WEFT_KLOCK_SPINS(l->kind) ? "spin_is_locked"
						  : "mutex_is_locked",
		.obj = l, .objname = weft__lx_klock_name(l), .access = WEFT__ACC_READ,
		/* The read sides, reads of each other, change what it
		 * reads: for the explorer it conflicts with them. */
		.por_write = true, .loc = loc };

	weft__visible(&op);
	return l->owner != 0 || l->readers != 0;
}
