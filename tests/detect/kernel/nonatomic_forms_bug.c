// The kernel's non-atomic forms are plain loads and stores, for data the
// caller serialises: __bit_spin_unlock and __clear_bit_unlock (a load and
// a release store of the word: another thread's set_bit of another bit
// between the two is lost), __llist_add (two stores: two at once lose a
// node) and __llist_del_all (an llist_add between its load and store
// leaves a node on no list).  weft made each its atomic form and
// verified the lost updates (a helper's probe).  The correct twin uses
// the atomic forms.
//! expect(bit_spin_unlock): bug crash
//! expect(clear_bit_unlock): bug crash
//! expect(llist_add): bug crash
//! expect(llist_del_all): bug crash
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
#include <linux/bitops.h>
#include <linux/llist.h>

static unsigned long bs_word;
static int bs_data;
static int bs_locker(void *a __attribute__((unused)))
{
	bit_spin_lock(0, &bs_word);
	bs_data++;
#ifdef OK
	bit_spin_unlock(0, &bs_word);
#else
	__bit_spin_unlock(0, &bs_word);
#endif
	return 0;
}
static int bs_flagger(void *a __attribute__((unused)))
{
	set_bit(1, &bs_word);
	return 0;
}
WEFT_TEST(bit_spin_unlock)
{
	struct job *t1 = start(bs_locker, NULL), *t2 = start(bs_flagger, NULL);
	join(t1);
	join(t2);
	BUG_ON(!test_bit(1, &bs_word));
}

static unsigned long cb_word;  /* bit 0: lock, bit 1: a flag set by others */
static int cb_data;
static int cb_locker(void *a __attribute__((unused)))
{
	while (test_and_set_bit_lock(0, &cb_word))
		cpu_relax();
	cb_data++;
#ifdef OK
	clear_bit_unlock(0, &cb_word);
#else
	__clear_bit_unlock(0, &cb_word);
#endif
	return 0;
}
static int cb_flagger(void *a __attribute__((unused)))
{
	set_bit(1, &cb_word);
	return 0;
}
WEFT_TEST(clear_bit_unlock)
{
	struct job *t1 = start(cb_locker, NULL), *t2 = start(cb_flagger, NULL);
	join(t1);
	join(t2);
	BUG_ON(!test_bit(1, &cb_word));
}

static LLIST_HEAD(la_head);
static struct llist_node la_n1, la_n2;
static int la_adder(void *a __attribute__((unused)))
{
#ifdef OK
	llist_add(a, &la_head);
#else
	__llist_add(a, &la_head);
#endif
	return 0;
}
WEFT_TEST(llist_add)
{
	struct job *t1 = start(la_adder, &la_n1), *t2 = start(la_adder, &la_n2);
	struct llist_node *p;
	int n = 0;
	join(t1);
	join(t2);
	llist_for_each(p, llist_del_all(&la_head))
		n++;
	BUG_ON(n != 2);
}

static LLIST_HEAD(ld_head);
static struct llist_node ld_n1, ld_n2;
static int ld_adder(void *a __attribute__((unused)))
{
	llist_add(&ld_n2, &ld_head);
	return 0;
}
WEFT_TEST(llist_del_all)
{
	struct job *t1;
	struct llist_node *p, *got;
	int n = 0;
	llist_add(&ld_n1, &ld_head);
	t1 = start(ld_adder, NULL);
#ifdef OK
	got = llist_del_all(&ld_head);
#else
	got = __llist_del_all(&ld_head);
#endif
	join(t1);
	llist_for_each(p, got)
		n++;
	llist_for_each(p, llist_del_all(&ld_head))
		n++;
	BUG_ON(n != 2);
}
