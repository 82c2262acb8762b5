// __llist_del_all is a plain load and store: an llist_add between them
// leaves its node on no list.  weft made it llist_del_all (an xchg) and
// verified it (a helper's probe).  The correct twin uses llist_del_all.
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
#include <linux/llist.h>
static LLIST_HEAD(head);
static struct llist_node n1, n2;
static int adder(void *a __attribute__((unused)))
{
	llist_add(&n2, &head);
	return 0;
}
WEFT_TEST(t)
{
	struct job *t1;
	struct llist_node *p, *got;
	int n = 0;
	llist_add(&n1, &head);
	t1 = start(adder, NULL);
#ifdef OK
	got = llist_del_all(&head);
#else
	got = __llist_del_all(&head);
#endif
	join(t1);
	llist_for_each(p, got)
		n++;
	llist_for_each(p, llist_del_all(&head))
		n++;
	BUG_ON(n != 2);
}
