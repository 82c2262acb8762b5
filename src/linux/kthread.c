/* src/linux/kthread.c - kthread_run / kthread_stop / kthread_should_stop.
 *
 * A kthread is a daemon test thread: the test ends when its own threads
 * are done, and a kthread still running then is reported as a leak (the
 * kernel requires kthread_stop before the code it runs goes away).  The
 * thread "holds" a class of its own while it runs, so kthread_stop while
 * holding a lock the thread takes is a lock-order cycle. */
#include <errno.h>
#include <setjmp.h>
#include <stdio.h>

#include "lx.h"
#include <kernel/linux/weft_ext.h>
#include <weft/kthread.h>

#define MAX_TASKS 16

static struct weft_ktask *tasks[MAX_TASKS];
static int ntasks;

/* kthread_exit ends the function wherever it is called in it: a jump
 * back to kthread_main, which then ends the thread as a return does.
 * Per thread: where to jump, the task whose function runs there (the
 * jump is armed only while it does) and the exit code. */
static jmp_buf exit_jmp[WEFT__MAX_THREADS];
static struct weft_ktask *exit_armed[WEFT__MAX_THREADS];
static long exit_code[WEFT__MAX_THREADS];
/* The tasks that called kthread_complete_and_exit: once the completion
 * is signalled, the thread runs none of the program's code again, so its
 * end may come after the test's (the kernel's reason for the call: a
 * module's exit waits for the completion and then frees the code). */
static bool exiting[MAX_TASKS];

static void kthread_main(void *arg)
{
	struct weft_ktask *t = arg;
	int r, cls = t->cls - 1;

	weft__lx_me()->task = t;
	/* The thread holds its class for itself, as a worker holds its
	 * work's: waiting for an event it signals (a wake_up, a complete)
	 * is not waiting for it to end (waker and waiter both in kthreads
	 * that a test stops was a lock-order cycle). */
	weft__lx_me()->skip_cls[0] = t->cls;
	/* A created kthread sleeps until it is woken.  Its state is set
	 * asleep here, in its start step (no step comes between), which the
	 * creator waits for before kthread_create returns the task that a
	 * wake-up needs.  Woken, it checks for a stop, then parks if asked,
	 * before it calls the function, as the kernel's kthread() does
	 * (smpboot parks its threads before they ever run).  A kthread_run
	 * thread was woken by its creator, and checks for a stop as soon as
	 * it first runs: a kthread_stop right after kthread_run may come
	 * first, and then the function never runs and kthread_stop returns
	 * -EINTR (the kernel's kthread() checks KTHREAD_SHOULD_STOP after
	 * its first schedule()). */
	if (t->created) {
		weft__lx_task_set_state(weft__self(), 2); /* UNINTERRUPTIBLE */
		weft__lx_task_sleep("created, asleep", t->started);
	} else {
		weft__point("kthread_start", t, t->name, WEFT__ACC_READ,
			    t->started);
	}
	if (t->should_stop) {
		/* The report says why the function is missing (a step's
		 * name is drawn in at most 25 columns). */
		weft__release_point("kthread_exit, not run", t, t->name,
				    t->started);
		t->result = -EINTR;
		t->exited = 1;
		return;
	}
	if (t->should_park)
		weft_kthread_parkme(t->started);
	weft__lock_acquire(cls, t->started, false);
	{
		int self = weft__self();
		struct weft__lx_depths depths;

		weft__lx_depths_save(&depths);
		exit_armed[self] = t;
		if (!setjmp(exit_jmp[self]))
			r = t->fn(t->data);
		else
			r = (int)exit_code[self];
		exit_armed[self] = NULL;
		/* An exit (a return or kthread_exit) with interrupts,
		 * preemption or softirqs left off is do_exit's "exited with
		 * irqs disabled" / "exited with preempt_count", as a work's
		 * return is; it was verified (a helper's probe).  A held lock
		 * or an RCU read section, which leave some of them off too,
		 * is the end-of-test check's more precise report. */
		if (!weft__lx_held_last(self) && !weft__lx_me()->rcu_depth)
			weft__lx_depths_check(&depths, "kthread", t->name,
					      "exited with irqs disabled / "
					      "exited with preempt_count",
					      t->started);
	}
	weft__lock_release(cls, t->started);
	weft__release_point("kthread_exit", t, t->name, t->started);
	t->result = r;
	t->exited = 1;
}

static struct weft_ktask *start(int (*fn)(void *), void *data,
				const char *name, const struct weft_loc *loc,
				int created)
{
	struct weft_ktask *t;

	/* Both wait for kthreadd to create the thread (a completion), so
	 * they may sleep. */
	weft_might_sleep(created ? "kthread_create" : "kthread_run", name,
			 loc);
	t = weft__exec_alloc(sizeof *t);
	if (ntasks == 0)
		for (int i = 0; i < MAX_TASKS; i++) {
			tasks[i] = NULL;
			exiting[i] = false;
		}
	t->fn = fn;
	t->data = data;
	t->name = name ? name : "kthread";
	t->started = loc;
	t->cls = weft__class(loc, t->name) + 1;
	t->created = created;
	if (ntasks < MAX_TASKS)
		tasks[ntasks++] = t;
	t->tid = weft__lx_spawn_daemon(kthread_main, t, t->name, loc);
	weft__frame_arg_escape(data, t->tid);
	/* Whether it finished by the test's end is checked (end_check). */
	weft__thread_add_flags(t->tid, WEFT__THREAD_END_CHECKED);
	return t;
}

struct weft_ktask *weft_kthread_run(int (*fn)(void *), void *data,
				    const char *name,
				    const struct weft_loc *loc)
{
	return start(fn, data, name, loc, 0);
}

struct weft_ktask *weft_kthread_create(int (*fn)(void *), void *data,
				       const char *name,
				       const struct weft_loc *loc)
{
	return start(fn, data, name, loc, 1);
}

/* The kernel frees a kthread's task once it has exited and nothing holds
 * it: no reference of a caller (get_task_struct), and no kthread_stop
 * waiting on it (which holds one of its own until it returns).  A
 * function that returned before any stop was asked for is reaped at
 * once. */
static bool gone(const struct weft_ktask *t)
{
	return t->exited && !t->refs && t->should_stop != 1;
}

/* Why t is gone, with the fix, for the report. */
static const char *gone_why(const struct weft_ktask *t)
{
	if (t->puts)
		return "its function returned and its last reference was put "
		       "(put_task_struct), so the kernel freed the task";
	if (t->should_stop == 2)
		return "an earlier kthread_stop returned, and with it the "
		       "task's last reference (hold one with get_task_struct, "
		       "and put it after the last use)";
	return "its function returned on its own and the kernel reaped it "
	       "(take get_task_struct() between kthread_create and "
	       "wake_up_process, or let the function return only once "
	       "kthread_should_stop())";
}

void weft__lx_task_use(const struct weft_ktask *t, const char *what,
		       const struct weft_loc *loc)
{
	if (t && t->fn && gone(t))
		weft__fail(WEFT__K(USE_AFTER_FREE), loc,
			   "%s(%s) of a freed kthread task: %s", what,
			   t->name, gone_why(t));
}

static int stopped_waitdesc(const struct weft__op *op, char *buf, size_t n)
{
	const struct weft_ktask *t = op->obj;

	snprintf(buf, n, "kthread %s to return, which it did for an earlier "
		 "kthread_stop (its exit is signalled once)", t->name);
	return -1;
}

static bool exited(const struct weft__op *op)
{
	const struct weft_ktask *t = op->obj;
	return t->exited;
}

static int stop_waitdesc(const struct weft__op *op, char *buf, size_t n)
{
	const struct weft_ktask *t = op->obj;

	snprintf(buf, n, "kthread %s to return", t->name);
	return t->tid;
}

int weft_kthread_stop(struct weft_ktask *t, const struct weft_loc *loc)
{
	struct weft__op op = { .name = "kthread_stop", .obj = t,
			       .objname = t->name, .access = WEFT__ACC_WRITE,
			       .waitdesc = stop_waitdesc, .loc = loc };

	if (weft__lx_me()->task == t)
		weft__fail(WEFT__K(MISUSE), loc,
			   "kthread_stop(%s) from the thread "
			   "itself waits for itself", t->name);
	weft_might_sleep("kthread_stop", t->name, loc);
	weft__wait_on_class(t->cls - 1, loc);
	/* The kernel's kthread_stop sets the flag and then wakes the thread
	 * (wake_up_process): a thread that set its task state, or that is
	 * inside a wait_event, sees the flag when it checks again. */
	op.obj2 = weft__lx_task_state_obj(t->tid);
	weft__visible(&op);
	weft__lx_task_use(t, "kthread_stop", loc);
	/* A second kthread_stop, the task still held: the kernel's waits
	 * for a completion that the thread's exit completed once, for the
	 * first. */
	if (t->should_stop == 2) {
		op.obj2 = NULL;
		op.ready = weft__never_ready;
		op.waitdesc = stopped_waitdesc;
		weft__visible(&op);
	}
	t->should_stop = 1;
	/* Linux 6.1 on: TIF_NOTIFY_SIGNAL, so that the thread's
	 * interruptible sleeps and waits end (a7c01fa93aeb, "signal: break
	 * out of wait loops on kthread_stop()"). */
	weft__lx_task_notify(t->tid);
	/* A parked thread is unparked first, so that it can see the stop
	 * (kthread_park.c). */
	t->should_park = 0;
	if (!t->exited) {
		weft__lx_task_wake(t->tid);
		weft__lx_waitq_kick(t->tid, t->name, loc);
	}
	op.obj2 = NULL;
	op.ready = exited;
	weft__visible(&op);
	t->should_stop = 2; /* stopped: not a leak */
	return t->result;
}

int weft_kthread_wake(struct weft_ktask *t, const struct weft_loc *loc)
{
	return weft_kx_wake_up_process(t, loc);
}

struct weft_ktask *weft_kthread_get(struct weft_ktask *t,
				    const struct weft_loc *loc)
{
	if (!t)
		return t;
	/* Only a kthread can end under its creator's hands. */
	if (t->fn) {
		weft__point("get_task_struct", t, t->name, WEFT__ACC_READ,
			    loc);
		weft__lx_task_use(t, "get_task_struct", loc);
	}
	t->refs++;
	return t;
}

void weft_kthread_put(struct weft_ktask *t, const struct weft_loc *loc)
{
	if (!t)
		return;
	if (t->fn) {
		weft__point("put_task_struct", t, t->name, WEFT__ACC_WRITE,
			    loc);
		weft__lx_task_use(t, "put_task_struct", loc);
		if (!t->refs)
			weft__fail(WEFT__K(REFCOUNT), loc,
				   "put_task_struct(%s) without a "
				   "get_task_struct: it drops the reference "
				   "the task holds for itself, and the kernel "
				   "frees a task still in use", t->name);
	}
	if (t->refs > 0)
		t->refs--;
	t->puts++;
}

int weft_kthread_should_stop(const struct weft_loc *loc)
{
	struct weft_ktask *t = weft__lx_me()->task;

	if (!t)
		return 0;
	weft__point("kthread_should_stop", t, t->name, WEFT__ACC_READ, loc);
	if (t->should_stop)
		return 1;
	/* A poll that saw no stop request made no progress: marking it as a
	 * spin lets fair scheduling run the threads that were waiting (the
	 * one about to call kthread_stop) before the loop goes round again,
	 * so exhaustive exploration is not lost in ever longer polling. */
	weft__spun();
	return 0;
}

_Noreturn void weft_kx_kthread_exit(long code, const struct weft_loc *loc)
{
	int self = weft__self();
	struct weft_ktask *t = weft__lx_me()->task;

	if (self < 0 || !t || exit_armed[self] != t)
		weft__fail(WEFT__K(MISUSE), loc,
			   "kthread_exit outside a kthread's function: the "
			   "kernel would end the calling task (a work, an "
			   "interrupt handler or the test itself) for good");
	exit_code[self] = code;
	longjmp(exit_jmp[self], 1);
}

_Noreturn void weft_kx_kthread_complete_and_exit(struct weft_completion *c,
						 long code,
						 const struct weft_loc *loc)
{
	struct weft_ktask *t = weft__lx_me()->task;
	int self = weft__self();

	if (self >= 0 && t && exit_armed[self] == t)
		for (int i = 0; i < ntasks; i++)
			if (tasks[i] == t)
				exiting[i] = true;
	if (c)
		weft_complete(c, 0, loc);
	weft_kx_kthread_exit(code, loc);
}

void weft__lx_kthread_begin(void)
{
	ntasks = 0;
}

void weft__lx_kthread_end_check(void)
{
	for (int i = 0; i < ntasks; i++)
		if (!tasks[i]->exited && !exiting[i])
			weft__fail(WEFT__K(LEAK), tasks[i]->started,
				   "kthread %s is still running at the end of "
				   "the test (kthread_stop was %s)",
				   tasks[i]->name,
				   tasks[i]->should_stop
					   ? "requested"
					   : "never called; a thread that "
					     "signals its end with complete() "
					     "and then returns still runs "
					     "after it: "
					     "kthread_complete_and_exit");
}
