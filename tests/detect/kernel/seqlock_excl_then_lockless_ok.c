// A lockless read_seqbegin loop by a thread that holds read_seqlock_excl:
// the sequence stays even and the loop returns at once, as in the kernel.
// weft's read_seqlock_excl was write_seqlock, and this was a false
// deadlock (a helper's probe).
//! expect: verified
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
static int x = 1, y = 1;
static int get(void)
{
	unsigned s;
	int a;
	do {
		s = read_seqbegin(&sl);
		a = x + y;
	} while (read_seqretry(&sl, s));
	return a;
}
WEFT_TEST(t)
{
	int v;
	read_seqlock_excl(&sl);
	v = get();
	read_sequnlock_excl(&sl);
	BUG_ON(v != 2);
}
