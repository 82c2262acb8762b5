// A command slot guarded by a kernel semaphore (<linux/semaphore.h>):
// the submitter fills the slot and up()s, the handler down()s and reads
// it.  The buggy submitter up()s before it writes the command, so the
// handler can read a stale one; and down() under a spinlock sleeps in
// atomic context.  semaphore_ok.c writes first and takes the semaphore
// outside the spinlock.  Before, <linux/semaphore.h> did not exist.
//! expect(slot_handoff): bug assertion
//! expect(down_under_spinlock): bug misuse
//! expect(binary_semaphore): verified
#include <linux/kthread.h>
#include <linux/semaphore.h>
#include <linux/spinlock.h>

static struct semaphore ready;
int cmd;

static int handler(void *arg)
{
	(void)arg;
	down(&ready);
	weft_assert(READ_ONCE(cmd) == 7);
	return 0;
}

WEFT_TEST(slot_handoff)
{
	struct task_struct *t;

	sema_init(&ready, 0);
	t = kthread_create(handler, NULL, "handler");
	get_task_struct(t);
	wake_up_process(t);
#ifdef SEMAPHORE_OK
	WRITE_ONCE(cmd, 7);
	up(&ready);
#else
	up(&ready);
	WRITE_ONCE(cmd, 7);
#endif
	kthread_stop(t);
	put_task_struct(t);
}

static DEFINE_SPINLOCK(stats_lock);
static DEFINE_SEMAPHORE(io_sem, 1);

WEFT_TEST(down_under_spinlock)
{
#ifdef SEMAPHORE_OK
	down(&io_sem);
	spin_lock(&stats_lock);
	spin_unlock(&stats_lock);
#else
	spin_lock(&stats_lock);
	down(&io_sem);
	spin_unlock(&stats_lock);
#endif
	up(&io_sem);
}

/* A binary semaphore (the old one-argument form) as a lock: the two
 * increments never overlap, and down_trylock fails while it is held. */
static DEFINE_SEMAPHORE(bin);
int total;

static void bump(void *arg)
{
	(void)arg;
	down(&bin);
	total++;
	up(&bin);
}

WEFT_TEST(binary_semaphore)
{
	weft_thread_t t = weft_spawn(bump, NULL);

	if (!down_trylock(&bin)) {
		total++;
		up(&bin);
	} else {
		bump(NULL);
	}
	weft_join(t);
	weft_assert(total == 2);
}
