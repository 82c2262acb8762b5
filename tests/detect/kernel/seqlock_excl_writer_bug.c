// read_seqlock_excl takes the seqlock's spinlock and leaves the sequence
// alone, so data changed under it is missed by a lockless reader's
// retry loop: a torn pair.  weft made it write_seqlock, which bumps the
// sequence, and verified it (a helper's probe).  The correct twin
// updates under write_seqlock.
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
#include <linux/seqlock.h>
static DEFINE_SEQLOCK(sl);
static int x, y;
static int updater(void *a __attribute__((unused)))
{
#ifdef OK
	write_seqlock(&sl);
#else
	read_seqlock_excl(&sl);
#endif
	x++;
	y++;
#ifdef OK
	write_sequnlock(&sl);
#else
	read_sequnlock_excl(&sl);
#endif
	return 0;
}
WEFT_TEST(t)
{
	struct job *t1 = start(updater, NULL);
	unsigned s;
	int a, b;
	do {
		s = read_seqbegin(&sl);
		a = x;
		b = y;
	} while (read_seqretry(&sl, s));
	BUG_ON(a != b);
	join(t1);
}
