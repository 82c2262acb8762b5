// The interruptible lock calls, down_interruptible(),
// mutex_lock_interruptible() and down_read_interruptible(),
// take a lock that is free, and otherwise return -EINTR once a signal is
// pending for the caller: since Linux 6.1 a kthread_stop() of it is one
// (TIF_NOTIFY_SIGNAL; __down_common and __mutex_lock_common check
// signal_pending_state before each sleep).  The killable ones do not end
// at a stop (kernel/killable_stop_*).  The reader here ignores the
// result, as code written for an unsignalled kthread often does.
// ignored_eintr: stopped while the holder has the lock, it reads the
// data unguarded, a race with the holder, and gives back a lock it does
// not hold (a mutex_unlock by a non-owner, or an up() that adds a count:
// two trylocks then succeed).  stop_while_holding: the stopper holds the
// lock the reader waits for.  weft took the lock for the reader in every
// schedule (the stop sent no signal): every bug case was verified, and
// every case of stop_lock_intr_ok.c, which leaves when the lock fails,
// was a false deadlock where the stopper held the lock.
//! expect(sem_ignored_eintr): bug data-race
//! expect(sem_stop_while_holding): bug assertion
//! expect(mutex_ignored_eintr): bug misuse
//! expect(mutex_stop_while_holding): bug misuse
//! expect(rwsem_ignored_eintr): bug misuse
//! expect(rwsem_stop_while_holding): bug misuse
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/semaphore.h>

static DEFINE_SEMAPHORE(sem, 1);
static DEFINE_MUTEX(lock);
static int data;

/* The lock under test: the semaphore, the mutex, or an rw_semaphore's
 * read side (the holder writes): the reader's interruptible take and
 * its give, the holder's take and give. */
struct prim {
	int (*take_intr)(void);
	void (*give_intr)(void);
	void (*take)(void);
	void (*give)(void);
};

static int sem_take_intr(void)
{
#ifdef OK
	return down_interruptible(&sem);
#else
	(void)down_interruptible(&sem);
	return 0;
#endif
}
static void sem_take(void) { down(&sem); }
static void sem_give(void) { up(&sem); }
static const struct prim sem_prim = { sem_take_intr, sem_give, sem_take,
				      sem_give };

static int mutex_take_intr(void)
{
#ifdef OK
	return mutex_lock_interruptible(&lock);
#else
	(void)mutex_lock_interruptible(&lock);
	return 0;
#endif
}
static void mutex_take(void) { mutex_lock(&lock); }
static void mutex_give(void) { mutex_unlock(&lock); }
static const struct prim mutex_prim = { mutex_take_intr, mutex_give,
					mutex_take, mutex_give };

static DECLARE_RWSEM(rwsem);

static int read_take_intr(void)
{
#ifdef OK
	return down_read_interruptible(&rwsem);
#else
	(void)down_read_interruptible(&rwsem);
	return 0;
#endif
}
static void read_give(void) { up_read(&rwsem); }
static void write_take(void) { down_write(&rwsem); }
static void write_give(void) { up_write(&rwsem); }
static const struct prim rwsem_prim = { read_take_intr, read_give,
					write_take, write_give };

static int reader(void *arg)
{
	const struct prim *p = arg;
	int r;

	if (p->take_intr())
		return -EINTR;
	r = data;
	p->give_intr();
	return r;
}

static int holder(void *arg)
{
	const struct prim *p = arg;

	p->take();
	data = 1;
	msleep(10);
	data = 2;
	p->give();
	return 0;
}

static struct task_struct *start(int (*fn)(void *), const struct prim *p,
				 const char *name)
{
	struct task_struct *t = kthread_create(fn, (void *)p, name);

	get_task_struct(t);
	wake_up_process(t);
	return t;
}

static void stop(struct task_struct *t)
{
	kthread_stop(t);
	put_task_struct(t);
}

static void ignored_eintr(const struct prim *p)
{
	struct task_struct *h = start(holder, p, "holder");

	stop(start(reader, p, "reader"));
	stop(h);
}

static void stop_while_holding(const struct prim *p)
{
	p->take();
	data = 3;
	stop(start(reader, p, "reader"));
	data = 4;
	p->give();
}

WEFT_TEST(sem_ignored_eintr) { ignored_eintr(&sem_prim); }
WEFT_TEST(mutex_ignored_eintr) { ignored_eintr(&mutex_prim); }
WEFT_TEST(mutex_stop_while_holding) { stop_while_holding(&mutex_prim); }
WEFT_TEST(rwsem_ignored_eintr) { ignored_eintr(&rwsem_prim); }
WEFT_TEST(rwsem_stop_while_holding) { stop_while_holding(&rwsem_prim); }

WEFT_TEST(sem_stop_while_holding)
{
	stop_while_holding(&sem_prim);
	/* One count, as at the start: a second trylock must fail. */
	WARN_ON(!down_trylock(&sem) && !down_trylock(&sem));
}
