// A callout queues a task on the system taskqueue, and the task sleeps
// for a wakeup that never comes; the test returns without waiting for it.
// The system queue's idle worker does not keep the softclocks from
// retiring after the test returned (see callout_sysq_detach_bug.c), but a
// worker stuck inside a task does: the hang is still reported.  The twin
// (callout_sysq_hang_ok.c) wakes the task and drains it.
//! expect: bug deadlock
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/callout.h>
#include <sys/taskqueue.h>

static struct mtx lock;
static struct callout co;
static struct task tk;
static int ready;

static void wait_task(void *arg, int pending)
{
	(void)arg;
	(void)pending;
	mtx_lock(&lock);
	while (!ready)
		msleep(&ready, &lock, 0, "ready", 0);
	mtx_unlock(&lock);
}

static void fire(void *arg)
{
	(void)arg;
	taskqueue_enqueue(taskqueue_thread, &tk);
}

WEFT_TEST(callout_sysq_hang)
{
	mtx_init(&lock, "ready", NULL, MTX_DEF);
	TASK_INIT(&tk, 0, wait_task, NULL);
	callout_init(&co, 1);
	callout_reset(&co, 1, fire, NULL);
	callout_drain(&co);
#ifdef OK
	mtx_lock(&lock);
	ready = 1;
	wakeup(&ready);
	mtx_unlock(&lock);
	taskqueue_drain(taskqueue_thread, &tk);
#endif
}
