// read_seqlock_excl takes the seqlock's spinlock and leaves the sequence
// alone: data changed under it is seen torn by a lockless reader, whose
// retry loop does not notice (excl_writer; the correct twin updates
// under write_seqlock), and a lockless read by the thread holding it
// returns at once (lockless_inside, correct in both twins).  weft made
// it write_seqlock: the first was verified, the second a false deadlock
// (a helper's probe).
//! expect(excl_writer): bug crash
//! expect(lockless_inside): verified
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

static DEFINE_SEQLOCK(w_sl);
static int w_x, w_y;
static int w_updater(void *a __attribute__((unused)))
{
#ifdef OK
	write_seqlock(&w_sl);
#else
	read_seqlock_excl(&w_sl);
#endif
	w_x++;
	w_y++;
#ifdef OK
	write_sequnlock(&w_sl);
#else
	read_sequnlock_excl(&w_sl);
#endif
	return 0;
}
WEFT_TEST(excl_writer)
{
	struct job *t1 = start(w_updater, NULL);
	unsigned s;
	int a, b;
	do {
		s = read_seqbegin(&w_sl);
		a = w_x;
		b = w_y;
	} while (read_seqretry(&w_sl, s));
	BUG_ON(a != b);
	join(t1);
}

static DEFINE_SEQLOCK(l_sl);
static int l_x = 1, l_y = 1;
static int l_get(void)
{
	unsigned s;
	int a;
	do {
		s = read_seqbegin(&l_sl);
		a = l_x + l_y;
	} while (read_seqretry(&l_sl, s));
	return a;
}
WEFT_TEST(lockless_inside)
{
	int v;
	read_seqlock_excl(&l_sl);
	v = l_get();
	read_sequnlock_excl(&l_sl);
	BUG_ON(v != 2);
}
