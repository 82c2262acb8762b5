/* weft/kthread.h - kernel threads with a stop request. */
#ifndef WEFT_KTHREAD_H
#define WEFT_KTHREAD_H

#include <errno.h> /* -EINTR: a kthread stopped before its function ran */

#include <weft/loc.h>

struct weft_ktask {
	int tid;
	int (*fn)(void *);
	void *data;
	const char *name;
	int should_stop;
	int exited;
	int result;
	int cls;                   /* class + 1: "the thread runs" */
	const struct weft_loc *started;
	int created;               /* kthread_create: asleep until woken */
	int should_park;           /* kthread_park asked, not yet unparked */
	int parked;                /* in kthread_parkme */
	int refs;                  /* get_task_struct()s not yet put */
	int puts;                  /* put_task_struct()s so far */
};

/* Start fn(data) in a new test thread called name.  Never blocks; a
 * scheduling point (like weft_spawn).  The task lives for the execution.
 * The thread checks for a stop when it first runs, as the kernel's does
 * after its creator's wake-up: a kthread_stop that comes first means fn
 * never runs, and kthread_stop returns -EINTR. */
struct weft_ktask *weft_kthread_run(int (*fn)(void *), void *data,
				    const char *name,
				    const struct weft_loc *loc);
/* The same, but the thread sleeps, as the kernel's new kthread does,
 * until a wake_up_process() of it (kthread_create); a kthread_stop before
 * that wakes it and it returns -EINTR without running fn.  Never blocks;
 * a scheduling point. */
struct weft_ktask *weft_kthread_create(int (*fn)(void *), void *data,
				       const char *name,
				       const struct weft_loc *loc);
/* wake_up_process() of <weft/linux.h>: start a kthread_create thread
 * (or wake a task asleep in schedule()); 1 when it was not running.  A
 * scheduling point; never blocks. */
int weft_kthread_wake(struct weft_ktask *t, const struct weft_loc *loc);
/* Ask t to stop, wake it as wake_up_process() would (a wait_event it is
 * in re-evaluates its condition, a task state it set is made running),
 * and wait until fn returned; returns its result, or -EINTR when t was
 * stopped before fn ran.  Blocks; everything t did happens before it
 * returns. */
int weft_kthread_stop(struct weft_ktask *t, const struct weft_loc *loc);
/* get_task_struct / put_task_struct: a reference that keeps t's task
 * after its function returned, which a kthread_stop of a thread that may
 * return on its own needs (without one, the kernel may already have
 * freed the task: kthread_stop reports a use-after-free).  The reference
 * must be taken while the task is sure to live: a get of a kthread
 * whose function already returned is a use-after-free too, so a
 * kthread_run thread that may return at once is started with
 * kthread_create, get_task_struct and wake_up_process.  Once the
 * function returned, the last put (or the return of the kthread_stop
 * that held the task) frees it: any later use of t is a use-after-free,
 * and a put without a get drops the task's own reference (a refcount
 * error).  Both are scheduling points on a kthread's task (not on other
 * tasks).  Neither blocks.  get returns t. */
struct weft_ktask *weft_kthread_get(struct weft_ktask *t,
				    const struct weft_loc *loc);
void weft_kthread_put(struct weft_ktask *t, const struct weft_loc *loc);
/* Whether the calling kthread was asked to stop (a scheduling point that
 * reads its task; never blocks).  A poll that finds no request counts as
 * a spin, so the explorer runs the other threads (the one that will call
 * kthread_stop) before the loop polls again.  0 for threads not started
 * by weft_kthread_run. */
int weft_kthread_should_stop(const struct weft_loc *loc);

/* Parking (src/linux/kthread_park.c).  kthread_park: ask t to park, wake
 * it, and wait until it is parked (in kthread_parkme): a thread that
 * returns instead leaves the park waiting for ever, and a park of a
 * thread that has returned is misuse (the kernel warns).  0.  Blocks.  kthread_unpark: end the
 * park request and wake t.  Never blocks.  kthread_should_park: the
 * request, for the calling kthread (a poll).  kthread_parkme: while the
 * request stands, sleep parked.  Blocks.  All are steps on the task. */
int weft_kthread_park(struct weft_ktask *t, const struct weft_loc *loc);
void weft_kthread_unpark(struct weft_ktask *t, const struct weft_loc *loc);
int weft_kthread_should_park(const struct weft_loc *loc);
void weft_kthread_parkme(const struct weft_loc *loc);

#endif
