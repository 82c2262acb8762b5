// A kthread blocks in a killable lock call on a lock its stopper holds,
// and the stopper calls kthread_stop() before it lets the lock go.
// kthread_stop() sets TIF_NOTIFY_SIGNAL and wakes the thread, but a
// killable sleep ends only on a fatal signal (signal_pending_state wants
// SIGKILL when TASK_INTERRUPTIBLE is not in the state), which the stop
// does not send: the thread sleeps on, and kthread_stop() waits for its
// exit for ever.  weft ended the killable calls with -EINTR at the stop,
// as it ends the interruptible ones, and verified these deadlocks (a
// probe of kernel patterns).  killable_stop_ok.c releases the lock first.
//! expect(mutex_killable): bug deadlock
//! expect(down_killable): bug deadlock
//! expect(read_killable): bug deadlock
//! expect(write_killable): bug deadlock
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/rwsem.h>
#include <linux/semaphore.h>

static DEFINE_MUTEX(lock);
static DEFINE_SEMAPHORE(sem, 1);
static DECLARE_RWSEM(rwsem);
static DECLARE_COMPLETION(started);
static int data;

static int mutex_reader(void *arg)
{
	(void)arg;
	complete(&started);
	if (mutex_lock_killable(&lock))
		return -EINTR;
	data++;
	mutex_unlock(&lock);
	return 0;
}

static int sem_reader(void *arg)
{
	(void)arg;
	complete(&started);
	if (down_killable(&sem))
		return -EINTR;
	data++;
	up(&sem);
	return 0;
}

static int read_reader(void *arg)
{
	(void)arg;
	complete(&started);
	if (down_read_killable(&rwsem))
		return -EINTR;
	(void)data;
	up_read(&rwsem);
	return 0;
}

static int write_reader(void *arg)
{
	(void)arg;
	complete(&started);
	if (down_write_killable(&rwsem))
		return -EINTR;
	data++;
	up_write(&rwsem);
	return 0;
}

/* Start fn, wait until it runs, stop it (after giving the lock back, in
 * the correct twin). */
static void stop_reader(int (*fn)(void *), void (*give)(void))
{
	struct task_struct *t = kthread_run(fn, NULL, "reader");

	get_task_struct(t);
	wait_for_completion(&started);
#ifdef KILLABLE_STOP_OK
	give();
#endif
	kthread_stop(t);
	put_task_struct(t);
#ifndef KILLABLE_STOP_OK
	give();
#endif
}

static void mutex_give(void) { mutex_unlock(&lock); }
static void sem_give(void) { up(&sem); }
static void write_give(void) { up_write(&rwsem); }

WEFT_TEST(mutex_killable)
{
	mutex_lock(&lock);
	stop_reader(mutex_reader, mutex_give);
}

WEFT_TEST(down_killable)
{
	down(&sem);
	stop_reader(sem_reader, sem_give);
}

WEFT_TEST(read_killable)
{
	down_write(&rwsem);
	stop_reader(read_reader, write_give);
}

WEFT_TEST(write_killable)
{
	down_write(&rwsem);
	stop_reader(write_reader, write_give);
}
