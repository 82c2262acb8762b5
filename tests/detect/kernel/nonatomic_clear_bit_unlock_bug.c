// __clear_bit_unlock is a load and a release store of the word, not an
// atomic read-modify-write: a set_bit of another bit of it between the
// two is lost.  weft made it clear_bit_unlock and verified the lost bit
// (a helper's probe).  The correct twin uses clear_bit_unlock.
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
#include <linux/bitops.h>
static unsigned long word;  /* bit 0: lock, bit 1: a flag set by others */
static int data;
static int locker(void *a __attribute__((unused)))
{
	while (test_and_set_bit_lock(0, &word))
		cpu_relax();
	data++;
#ifdef OK
	clear_bit_unlock(0, &word);
#else
	__clear_bit_unlock(0, &word);
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
