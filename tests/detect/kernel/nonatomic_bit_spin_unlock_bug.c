// __bit_spin_unlock is the kernel's non-atomic unlock: a load and a release
// store of the word, so another thread's set_bit of another bit of it
// between the two is lost.  weft made it bit_spin_unlock, atomic, and
// the lost bit was verified (a helper's probe).  The correct twin uses
// bit_spin_unlock.
//! expect: bug crash
#include <linux/kthread.h>
#include <linux/slab.h>
#include <linux/rcupdate.h>
#include <linux/completion.h>
/* start(fn,arg) runs fn in a kthread; join(t) waits until fn has returned
 * (kthread_stop alone would stop a thread whose fn never started). */
struct job { int (*fn)(void *); void *arg; struct completion done; struct task_struct *t; };
static struct job jobs[4];
static int njobs;
static int job_run(void *a __attribute__((unused)))
{
	struct job *j = a;
	j->fn(j->arg);
	complete(&j->done);
	return 0;
}
static inline struct job *start(int (*fn)(void *), void *arg)
{
	struct job *j = &jobs[njobs++];
	j->fn = fn; j->arg = arg;
	init_completion(&j->done);
	j->t = kthread_create(job_run, j, "t");
	get_task_struct(j->t);
	wake_up_process(j->t);
	return j;
}
static inline void join(struct job *j)
{
	wait_for_completion(&j->done);
	kthread_stop(j->t);
	put_task_struct(j->t);
}
#include <linux/bit_spinlock.h>
static unsigned long word;
static int data;
static int locker(void *a __attribute__((unused)))
{
	bit_spin_lock(0, &word);
	data++;
#ifdef OK
	bit_spin_unlock(0, &word);
#else
	__bit_spin_unlock(0, &word);
#endif
	return 0;
}
static int flagger(void *a __attribute__((unused)))
{
	set_bit(1, &word);
	return 0;
}
WEFT_TEST(t)
{
	struct job *t1 = start(locker, NULL), *t2 = start(flagger, NULL);
	join(t1);
	join(t2);
	BUG_ON(!test_bit(1, &word));
}
