// Seed 000 in another shape: a multicast group object reused for a second
// join.  The joiner sets BUSY before re-initialising the completion, so a
// flush that sees BUSY waits on the previous round's completion, which is
// still done, returns at once and goes on as if the join had finished
// (the kernel's flush then skips the leave: an unbalanced join).  Verified
// in 16 schedules (a probe of kernel driver patterns).
// init_completion_busy_ok.c calls init_completion before setting BUSY.
//! expect: bug assertion
#include <linux/completion.h>
#include <linux/workqueue.h>
#include <linux/bitops.h>
#include <linux/slab.h>

#define BUSY 0
struct mcast {
	unsigned long flags;
	struct completion done;
	struct work_struct answer;
	int joined;
};
static struct mcast *m;

static void join_answer(struct work_struct *w)
{
	struct mcast *mc = container_of(w, struct mcast, answer);

	WRITE_ONCE(mc->joined, 1);
	clear_bit(BUSY, &mc->flags);
	complete(&mc->done);
}

static void joiner(void *arg)
{
	(void)arg;
#ifdef OK
	init_completion(&m->done);
	smp_mb__before_atomic();
	set_bit(BUSY, &m->flags);
#else
	set_bit(BUSY, &m->flags);
	init_completion(&m->done);
#endif
	queue_work(system_wq, &m->answer);
}

WEFT_TEST(init_completion_busy)
{
	m = kzalloc(sizeof(*m), GFP_KERNEL);
	INIT_WORK(&m->answer, join_answer);
	init_completion(&m->done);
	complete(&m->done); /* round one finished */
	weft_thread_t t = weft_spawn(joiner, NULL);
	/* flush: a join in flight is waited for */
	if (test_bit(BUSY, &m->flags)) {
		smp_rmb();
		wait_for_completion(&m->done);
		WARN_ON(!READ_ONCE(m->joined));
	}
	weft_join(t);
	cancel_work_sync(&m->answer);
	kfree(m);
}
