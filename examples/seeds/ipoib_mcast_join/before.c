//! expect(join_completes_before_mc_is_set): bug use-after-free
//! expect(join_fails_before_mc_is_set): bug deadlock
/*
 * Seed 000 - "IB/ipoib: fix MCAST_FLAG_BUSY usage" (Doug Ledford), BEFORE
 * the patch.  ipoib_mcast_join() sets MCAST_FLAG_BUSY, initialises
 * mcast->done, sets MCAST_JOIN_STARTED and only then stores the result of
 * ib_sa_join_multicast() in mcast->mc - while the SA may already be running
 * ipoib_mcast_join_complete() for that very join.  "ifconfig ib0 down"
 * (ipoib_ib_dev_down -> ipoib_mcast_dev_flush) waits on mcast->done when
 * JOIN_STARTED is set and then leaves the group if mcast->mc is valid.
 * The document's two races, one test each:
 *
 * join_completes_before_mc_is_set: the join succeeds; the callback
 *   completes mcast->done before ib_sa_join_multicast() has returned, the
 *   flush's wait returns, mcast->mc is still NULL so the leave is skipped,
 *   then mcast->mc is set: the SA membership is never left ("a
 *   permanently unbalanced join/leave").  The flush frees the mcast right
 *   after the skipped leave, so the join task's store of mcast->mc lands in
 *   freed memory unless it slips in between the leave and the free: weft's
 *   DFS finds the store after the free first (`use-after-free`, one
 *   preemption); the pure imbalance, the mcast_member never freed (`leak`),
 *   takes one preemption more (PCT finds it, e.g. --strategy=pct --seed=7).
 * join_fails_before_mc_is_set: the join fails; the callback runs before
 *   mcast->mc is set, so it has nothing to clear, completes and returns
 *   -EAGAIN, on which the SA drops the membership itself.  Then mcast->mc is
 *   set to it, and the flush calls ib_sa_free_multicast() on the invalid
 *   mcast->mc, which waits forever for a reference count that already went
 *   to zero (`deadlock`).
 *
 * In both tests "ifconfig ib0 down" comes while the join is at the SA, as
 * in the document's drawings (the SA model signals sa_request_posted).
 * The remaining windows of the old code - the device going down before the
 * join has even set its flags, or the callback touching the mcast after
 * complete() - are real too, but they are use-after-free bugs the
 * document only mentions in passing; the tests leave them out to find the
 * two it draws.
 *
 * The SA (drivers/infiniband/core/multicast.c) is cut down to what the
 * races need: ib_sa_join_multicast() allocates the member ("alloc member")
 * with one reference for the caller and one for the answer, and delivers
 * the answer from its own work on mcast_wq, so the callback runs - and
 * may finish - before or after ib_sa_join_multicast() returns, as the
 * explorer chooses (the SA never calls back synchronously; the fix's mutex
 * relies on that).  Whether the join succeeds is the test's input
 * (sa_reply); with sa_reply < 0 it is an explored weft_choose().  When the
 * callback returns non-zero the SA leaves on the caller's behalf.
 * ib_sa_free_multicast() drops the caller's reference and waits for the
 * member's count to reach zero; the kernel then kfree()s the member, the
 * model parks it on sa_retired (freed by ib_sa_unregister_client()), so a
 * second leave on it shows as the hang the document reports rather than
 * as a use-after-free.
 *
 * Plain accesses to mcast->mc and mcast->backoff are marked (READ_ONCE /
 * WRITE_ONCE) so that weft reports the consequences the document draws;
 * left plain, weft reports the unsynchronised mcast->mc accesses as a
 * data race first.
 */
#include <errno.h>
#include <weft/linux.h>

/* ---- the SA's multicast module, cut down ---------------------------------- */

struct ib_sa_multicast {
	int (*callback)(int status, struct ib_sa_multicast *multicast);
	void *context;
};

struct mcast_member {
	struct ib_sa_multicast multicast;
	atomic_t refcount;
	struct completion comp;
	int status;                /* the SA's answer to the join */
	struct work_struct work;   /* delivers the answer (group->work) */
	struct list_head list;     /* on sa_retired once left */
};

static struct workqueue_struct *mcast_wq;
static DEFINE_SPINLOCK(sa_lock);
static LIST_HEAD(sa_retired);
static DECLARE_COMPLETION(sa_request_posted);
static int sa_reply = -1;  /* 0: joins succeed, 1: they fail, -1: explored */

static void deref_member(struct mcast_member *member)
{
	if (atomic_dec_and_test(&member->refcount))
		complete(&member->comp);
}

static void ib_sa_free_multicast(struct ib_sa_multicast *multicast)
{
	struct mcast_member *member =
		container_of(multicast, struct mcast_member, multicast);

	deref_member(member);
	wait_for_completion(&member->comp); /* a second leave: forever */
	spin_lock_irq(&sa_lock);
	list_add(&member->list, &sa_retired); /* the kernel: kfree(member) */
	spin_unlock_irq(&sa_lock);
}

static void mcast_work_handler(struct work_struct *work)
{
	struct mcast_member *member =
		container_of(work, struct mcast_member, work);
	int ret;

	ret = member->multicast.callback(member->status, &member->multicast);
	deref_member(member);
	if (ret)
		ib_sa_free_multicast(&member->multicast);
}

static struct ib_sa_multicast *
ib_sa_join_multicast(int (*callback)(int, struct ib_sa_multicast *),
		     void *context, gfp_t gfp)
{
	struct mcast_member *member;
	int fail = sa_reply >= 0 ? sa_reply : weft_choose(2);

	member = kzalloc(sizeof(*member), gfp); /* alloc member */
	member->multicast.callback = callback;
	member->multicast.context = context;
	member->status = fail ? -ENETUNREACH : 0;
	init_completion(&member->comp);
	atomic_set(&member->refcount, 2); /* the caller's and the answer's */
	INIT_WORK(&member->work, mcast_work_handler);
	queue_work(mcast_wq, &member->work); /* call callback */
	complete(&sa_request_posted);
	return &member->multicast;
}

static void ib_sa_unregister_client(void)
{
	struct mcast_member *member, *tmp;

	destroy_workqueue(mcast_wq);
	list_for_each_entry_safe(member, tmp, &sa_retired, list)
		kfree(member);
}

/* ---- ipoib_multicast.c, before the fix ------------------------------------ */

enum { IPOIB_MCAST_RUN = 0 };                      /* priv->flags */
enum {                                             /* mcast->flags */
	IPOIB_MCAST_FLAG_BUSY = 0,
	IPOIB_MCAST_FLAG_ATTACHED = 1,
	IPOIB_MCAST_JOIN_STARTED = 2,
};

struct ipoib_dev_priv;

struct ipoib_mcast {
	struct ib_sa_multicast *mc;
	unsigned long flags;
	struct completion done;
	unsigned long backoff;
	struct ipoib_dev_priv *priv;
};

struct ipoib_dev_priv {
	unsigned long flags;
	spinlock_t lock;
	struct ipoib_mcast *broadcast;
	struct delayed_work mcast_join_task;
	struct workqueue_struct *wq;
};

static DEFINE_MUTEX(mcast_mutex);
static struct ipoib_dev_priv ib0;

static int ipoib_mcast_join_complete(int status,
				     struct ib_sa_multicast *multicast)
{
	struct ipoib_mcast *mcast = multicast->context;

	if (!status) {
		/* ipoib_mcast_join_finish(): attach the QP */
		set_bit(IPOIB_MCAST_FLAG_ATTACHED, &mcast->flags);
		WRITE_ONCE(mcast->backoff, 1);
		complete(&mcast->done);
		return 0;
	}

	/* The SA will drop this membership: forget it, if we have it yet. */
	if (!IS_ERR_OR_NULL(READ_ONCE(mcast->mc)))
		WRITE_ONCE(mcast->mc, NULL);
	WRITE_ONCE(mcast->backoff, READ_ONCE(mcast->backoff) * 2);

	/* Clear the busy flag so we try again (the retry itself, the join
	 * task requeued after the backoff, is left out of the model). */
	clear_bit(IPOIB_MCAST_FLAG_BUSY, &mcast->flags);
	complete(&mcast->done);
	return -EAGAIN;
}

static void ipoib_mcast_join(struct ipoib_dev_priv *priv,
			     struct ipoib_mcast *mcast)
{
	struct ib_sa_multicast *mc;

	set_bit(IPOIB_MCAST_FLAG_BUSY, &mcast->flags);
	init_completion(&mcast->done);
	set_bit(IPOIB_MCAST_JOIN_STARTED, &mcast->flags);

	mc = ib_sa_join_multicast(ipoib_mcast_join_complete, mcast, GFP_KERNEL);
	WRITE_ONCE(mcast->mc, mc);
	(void)priv;
}

static void ipoib_mcast_join_task(struct work_struct *work)
{
	struct ipoib_dev_priv *priv =
		container_of(work, struct ipoib_dev_priv, mcast_join_task.work);
	struct ipoib_mcast *mcast;

	if (!test_bit(IPOIB_MCAST_RUN, &priv->flags))
		return;

	spin_lock_irq(&priv->lock);
	mcast = priv->broadcast;
	spin_unlock_irq(&priv->lock);
	if (!mcast)
		return;

	if (!test_bit(IPOIB_MCAST_FLAG_ATTACHED, &mcast->flags) &&
	    !test_bit(IPOIB_MCAST_FLAG_BUSY, &mcast->flags))
		ipoib_mcast_join(priv, mcast);
}

static void ipoib_mcast_start_thread(struct ipoib_dev_priv *priv)
{
	mutex_lock(&mcast_mutex);
	if (!test_and_set_bit(IPOIB_MCAST_RUN, &priv->flags))
		queue_delayed_work(priv->wq, &priv->mcast_join_task, 0);
	mutex_unlock(&mcast_mutex);
}

static void ipoib_mcast_stop_thread(struct ipoib_dev_priv *priv)
{
	mutex_lock(&mcast_mutex);
	clear_bit(IPOIB_MCAST_RUN, &priv->flags);
	cancel_delayed_work(&priv->mcast_join_task);
	mutex_unlock(&mcast_mutex);
}

static void ipoib_mcast_leave(struct ipoib_mcast *mcast)
{
	struct ib_sa_multicast *mc = READ_ONCE(mcast->mc);

	clear_bit(IPOIB_MCAST_FLAG_BUSY, &mcast->flags);
	if (!IS_ERR_OR_NULL(mc))
		ib_sa_free_multicast(mc);
	clear_bit(IPOIB_MCAST_FLAG_ATTACHED, &mcast->flags); /* detach */
}

/* ipoib_del_neighs_by_gid() walks the neighbours under priv->lock first. */
static void ipoib_mcast_free(struct ipoib_dev_priv *priv,
			     struct ipoib_mcast *mcast)
{
	unsigned long flags;

	spin_lock_irqsave(&priv->lock, flags);
	spin_unlock_irqrestore(&priv->lock, flags);
	kfree(mcast);
}

static void ipoib_mcast_dev_flush(struct ipoib_dev_priv *priv)
{
	struct ipoib_mcast *mcast;
	unsigned long flags;

	spin_lock_irqsave(&priv->lock, flags);
	mcast = priv->broadcast;
	priv->broadcast = NULL;
	spin_unlock_irqrestore(&priv->lock, flags);
	if (!mcast)
		return;

	/* seperate between the wait to the leave */
	if (test_bit(IPOIB_MCAST_JOIN_STARTED, &mcast->flags))
		wait_for_completion(&mcast->done);

	ipoib_mcast_leave(mcast);
	ipoib_mcast_free(priv, mcast);
}

/* ifconfig ib0 down */
static void ipoib_ib_dev_down(struct ipoib_dev_priv *priv)
{
	ipoib_mcast_stop_thread(priv);
	ipoib_mcast_dev_flush(priv);
}

static void ipoib_ib_dev_open(struct ipoib_dev_priv *priv)
{
	struct ipoib_mcast *broadcast;

	mcast_wq = alloc_ordered_workqueue("ib_mcast", WQ_MEM_RECLAIM);
	priv->wq = create_singlethread_workqueue("ipoib_wq");
	spin_lock_init(&priv->lock);
	INIT_DELAYED_WORK(&priv->mcast_join_task, ipoib_mcast_join_task);
	broadcast = kzalloc(sizeof(*broadcast), GFP_KERNEL);
	broadcast->priv = priv;
	broadcast->backoff = 1;
	priv->broadcast = broadcast;
	ipoib_mcast_start_thread(priv);
}

static void ifconfig_ib0_up_then_down(void)
{
	ipoib_ib_dev_open(&ib0);
	wait_for_completion(&sa_request_posted); /* the join is at the SA */
	ipoib_ib_dev_down(&ib0);

	destroy_workqueue(ib0.wq);
	ib_sa_unregister_client();
}

WEFT_TEST(join_completes_before_mc_is_set)
{
	sa_reply = 0;
	ifconfig_ib0_up_then_down();
}

WEFT_TEST(join_fails_before_mc_is_set)
{
	sa_reply = 1;
	ifconfig_ib0_up_then_down();
}
