// An asynchronous request holds an SRCU read section from its submission
// to its completion, which runs in a work on another task:
// srcu_down_read and srcu_up_read (Linux 6.2) allow that.  The buggy
// submission ends its reader at once with srcu_read_unlock, so the
// writer's synchronize_srcu does not wait for the completion, which uses
// the table the writer then frees.  srcu_down_up_ok.c keeps the section
// until the completion's srcu_up_read.  Lockdep does not see
// srcu_down_read, so the load names its condition (srcu_read_lock_held
// would be false: lockdep-RCU's warning, as in the kernel).  weft had
// neither call (a probe of Linux driver code).
//! expect: bug use-after-free
#include <linux/slab.h>
#include <linux/srcu.h>
#include <linux/workqueue.h>

struct table {
	int gen;
};
DEFINE_STATIC_SRCU(tbl_srcu);
static struct table __rcu *cur;

struct req {
	struct work_struct done;
	struct table *t;
	int idx;
};
static struct req rq;

static void req_done(struct work_struct *w)
{
	struct req *r = container_of(w, struct req, done);

	r->t->gen++;
#ifdef FIXED
	srcu_up_read(&tbl_srcu, r->idx);
#endif
}

static void submit(void)
{
#ifdef FIXED
	rq.idx = srcu_down_read(&tbl_srcu);
	rq.t = srcu_dereference_check(cur, &tbl_srcu, true);
#else
	int idx = srcu_read_lock(&tbl_srcu);

	rq.t = srcu_dereference(cur, &tbl_srcu);
	srcu_read_unlock(&tbl_srcu, idx);
#endif
	INIT_WORK(&rq.done, req_done);
	schedule_work(&rq.done);
}

WEFT_TEST(async_req_vs_table_swap)
{
	struct table *t = kzalloc(sizeof(*t), GFP_KERNEL);

	rcu_assign_pointer(cur, t);
	submit();
	rcu_assign_pointer(cur, NULL);
	synchronize_srcu(&tbl_srcu);
	kfree(t);
	flush_work(&rq.done);
}
