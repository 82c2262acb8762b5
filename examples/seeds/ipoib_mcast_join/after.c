//! expect(join_completes_before_mc_is_set): verified
//! expect(join_fails_before_mc_is_set): bug deadlock
//! expect(down_any_time): bug deadlock
/*
 * Seed 000 - "IB/ipoib: fix MCAST_FLAG_BUSY usage" (Doug Ledford), AFTER
 * the patch, with the same SA model and the same two scenarios as
 * before.c, plus down_any_time, where "ifconfig ib0 down" is not held back
 * until the join is at the SA and the SA's answer is explored (weft_choose).
 * The points of the fix the model carries:
 *   1) MCAST_JOIN_STARTED is gone;
 *   2) MCAST_FLAG_BUSY means a join is in flight, nothing else;
 *   3) the join task and the leave test mcast->mc with IS_ERR_OR_NULL;
 *   4) the join task initialises mcast->done before it sets BUSY, both
 *      under priv->lock together with the look-up of priv->broadcast;
 *   5) BUSY is cleared before every complete(&mcast->done), and nothing
 *      touches the mcast after it that the flush could free;
 *   6) mcast_mutex is held around ib_sa_join_multicast() and the store of
 *      mcast->mc, and taken first thing in ipoib_mcast_join_complete(),
 *      so the callback always sees a valid mcast->mc and clears it (under
 *      priv->lock, before complete) when the join failed;
 *   8) MCAST_RUN means the multicast subsystem works: the join task checks
 *      it under priv->lock, and ipoib_mcast_stop_thread() clears it before
 *      the flush, so a join task either runs before the flush takes the
 *      broadcast group (and the flush waits for it) or sees RUN clear.
 * Point 7 (send-only joins moved from the transmit path into the join task)
 * and 9 (the reschedule helper) concern paths the model leaves out: it has
 * one group, the broadcast group, joined by the join task.
 * join_completes_before_mc_is_set is verified.  The failed join is not:
 * the flush tests BUSY without priv->lock and skips the wait when the
 * callback has just cleared it, then reads mcast->mc in ipoib_mcast_leave()
 * while the callback, under priv->lock, is setting it to NULL (a
 * `data-race`, reported too).  Read before the NULL store, the leave frees
 * a membership the SA is about to drop itself: the double leave of
 * before.c, narrowed to the two stores between clear_bit() and complete();
 * weft makes the racing read a scheduling point and reports the leave that
 * then hangs (`deadlock`).  The order the commit prescribes
 * (point 5: BUSY cleared before complete) is exactly what opens this
 * window; mainline's ipoib_mcast_dev_flush() keeps the unlocked test.
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

/* ---- ipoib_multicast.c, after the fix ------------------------------------- */

enum { IPOIB_MCAST_RUN = 0 };                      /* priv->flags */
enum {                                             /* mcast->flags */
	IPOIB_MCAST_FLAG_BUSY = 0,
	IPOIB_MCAST_FLAG_ATTACHED = 1,
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
	struct ipoib_dev_priv *priv = mcast->priv;

	/* We have to take the mutex to force ipoib_mcast_join to return
	 * from ib_sa_join_multicast and set mcast->mc to a valid value. */
	mutex_lock(&mcast_mutex);

	if (!status) {
		/* ipoib_mcast_join_finish(): attach the QP */
		set_bit(IPOIB_MCAST_FLAG_ATTACHED, &mcast->flags);
		mcast->backoff = 1;
	} else {
		mcast->backoff *= 2;
		status = -EAGAIN;
	}

	spin_lock_irq(&priv->lock);
	clear_bit(IPOIB_MCAST_FLAG_BUSY, &mcast->flags);
	if (status)
		mcast->mc = NULL; /* the SA drops it when we return */
	complete(&mcast->done);
	spin_unlock_irq(&priv->lock);
	mutex_unlock(&mcast_mutex);

	return status;
}

static void ipoib_mcast_join(struct ipoib_dev_priv *priv,
			     struct ipoib_mcast *mcast)
{
	mutex_lock(&mcast_mutex);
	mcast->mc = ib_sa_join_multicast(ipoib_mcast_join_complete, mcast,
					 GFP_KERNEL);
	if (IS_ERR(mcast->mc)) {
		spin_lock_irq(&priv->lock);
		clear_bit(IPOIB_MCAST_FLAG_BUSY, &mcast->flags);
		complete(&mcast->done);
		spin_unlock_irq(&priv->lock);
	}
	mutex_unlock(&mcast_mutex);
}

static void ipoib_mcast_join_task(struct work_struct *work)
{
	struct ipoib_dev_priv *priv =
		container_of(work, struct ipoib_dev_priv, mcast_join_task.work);
	struct ipoib_mcast *mcast = NULL;

	spin_lock_irq(&priv->lock);
	if (test_bit(IPOIB_MCAST_RUN, &priv->flags) && priv->broadcast &&
	    !test_bit(IPOIB_MCAST_FLAG_ATTACHED, &priv->broadcast->flags) &&
	    IS_ERR_OR_NULL(priv->broadcast->mc) &&
	    !test_bit(IPOIB_MCAST_FLAG_BUSY, &priv->broadcast->flags)) {
		mcast = priv->broadcast;
		init_completion(&mcast->done);
		set_bit(IPOIB_MCAST_FLAG_BUSY, &mcast->flags);
	}
	spin_unlock_irq(&priv->lock);

	if (mcast)
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
	if (test_and_clear_bit(IPOIB_MCAST_FLAG_BUSY, &mcast->flags))
		WARN_ON(1); /* ipoib_mcast_leave on an in-flight join */
	if (!IS_ERR_OR_NULL(mcast->mc))
		ib_sa_free_multicast(mcast->mc);
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

	/* make sure the in-flight joins have finished before we leave */
	if (test_bit(IPOIB_MCAST_FLAG_BUSY, &mcast->flags))
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

static void ifconfig_ib0_up_then_down(int at_sa)
{
	ipoib_ib_dev_open(&ib0);
	if (at_sa)
		wait_for_completion(&sa_request_posted); /* the join is at the SA */
	ipoib_ib_dev_down(&ib0);

	destroy_workqueue(ib0.wq);
	ib_sa_unregister_client();
}

WEFT_TEST(join_completes_before_mc_is_set)
{
	sa_reply = 0;
	ifconfig_ib0_up_then_down(1);
}

WEFT_TEST(join_fails_before_mc_is_set)
{
	sa_reply = 1;
	ifconfig_ib0_up_then_down(1);
}

WEFT_TEST(down_any_time)
{
	sa_reply = -1; /* explored: the join succeeds or fails */
	ifconfig_ib0_up_then_down(0);
}
