//! expect(join_completes_before_mc_is_set): bug crash
//! expect(join_fails_before_mc_is_set): bug use-after-free
//! expect(ifconfig_down_any_answer): verified
/*
 * Seed 000 - "IB/ipoib: fix MCAST_FLAG_BUSY usage" (69911416d87d), the
 * code BEFORE the patch: its parent, which the ifs-kernel-updates backport
 * series gives as efc82eeeae4e "IB/ipoib: No longer use flush as a
 * parameter" (scibian/ifs-kernel-updates, debian/patches/0022 then 0023;
 * the order of a backport series, not checked against a Linux tree - the
 * search index holds none at this commit).  The functions are modelled
 * from the removed and context lines of 0023-linux-ipoib-6991141.patch
 * and from 0022-linux-ipoib-efc82ee.patch.  No kernel code copied.
 *
 * As read, at the parent:
 *   ipoib_mcast_join()           set_bit(BUSY), init_completion(&done),
 *                                set_bit(MCAST_JOIN_STARTED), then
 *                                mcast->mc = ib_sa_join_multicast(...) -
 *                                no lock: the SA's answer may run before
 *                                the store.
 *   ipoib_mcast_join_complete()  success: BUSY stays set ("joining or
 *                                already joined"); failure: status =
 *                                test_and_clear_bit(BUSY) - so it returns
 *                                1 and the SA frees the membership - and
 *                                mcast->mc is never cleared; either way it
 *                                ends with complete(&mcast->done).
 *   ipoib_mcast_dev_flush()      waits on mcast->done whenever
 *                                MCAST_JOIN_STARTED is set (it is never
 *                                cleared), then ipoib_mcast_leave():
 *                                if (test_and_clear_bit(BUSY))
 *                                    ib_sa_free_multicast(mcast->mc)
 *                                - no check of mcast->mc - and frees.
 *   ipoib_ib_dev_down()          ipoib_mcast_stop_thread() clears RUN,
 *                                cancels the join task and, since
 *                                efc82eee, flush_workqueue(priv->wq)s:
 *                                "ifconfig ib0 down" waits for the join
 *                                task, so mcast->mc is stored before the
 *                                flush.  ifconfig_down_any_answer checks
 *                                that path with either SA answer:
 *                                verified.
 *
 * The document's races therefore need a flush that does not stop the
 * join task: the light flush of a port event (SM change, client
 * reregister), __ipoib_ib_dev_flush(IPOIB_FLUSH_LIGHT) on the driver's
 * flush workqueue, which clears OPER_UP around ipoib_mcast_dev_flush()
 * and leaves the join task alone.  Both tests run it while the join is at
 * the SA, as the document draws:
 *
 * join_completes_before_mc_is_set: the callback succeeds and completes
 *   before ib_sa_join_multicast() has returned; the flush's wait returns,
 *   BUSY is still set, so ipoib_mcast_leave() calls
 *   ib_sa_free_multicast(NULL): a NULL dereference in the SA (`crash`;
 *   the document says the leave is skipped - the parent has no such
 *   check).  In other orders the join task's late store of mcast->mc
 *   lands in the freed mcast.
 * join_fails_before_mc_is_set: the callback fails before mcast->mc is set:
 *   it clears BUSY itself and returns 1, the SA frees the membership; the
 *   flush waits, finds BUSY clear, skips the leave and frees the mcast;
 *   the join task then stores mcast->mc into freed memory
 *   (`use-after-free`).  The hang the document draws for this race (a
 *   leave on the invalid mcast->mc) needs a stale mcast->mc from an
 *   earlier failed join - the parent never clears it - and a retry, which
 *   the one-join model leaves out.
 *
 * SA model as in after.c.  Left out: the requeue of the join task the
 * callback does after a success (the light flush leaves RUN set, so it
 * would start a second join after the flush, which the model does not
 * tear down) and the retry after a failure, send-only groups, port
 * events, the address handle, the carrier-on task's body.
 * ipoib_mcast_join_finish() is assumed to attach and succeed.
 */
#include <errno.h>
#include <weft/linux.h>

/* ---- the SA's multicast module (core/multicast.c), cut down --------------- */

struct ib_sa_multicast {
	int (*callback)(int status, struct ib_sa_multicast *multicast);
	void *context;
};

struct mcast_member {
	struct ib_sa_multicast multicast;
	struct list_head list;     /* on the group's pending list until answered */
	atomic_t refcount;
	struct completion comp;
	struct work_struct work;   /* the answer (mcast_work_handler) */
	struct list_head retired;  /* parked once freed, see ib_sa_free_multicast */
};

static struct workqueue_struct *mcast_wq;
static DEFINE_SPINLOCK(group_lock);
static LIST_HEAD(group_pending);
static LIST_HEAD(sa_retired);
static DECLARE_COMPLETION(sa_request_posted);
static int sa_status;          /* the SA's answer to the join */

static void deref_member(struct mcast_member *member)
{
	if (atomic_dec_and_test(&member->refcount))
		complete(&member->comp);
}

/* Leave: off the group, drop a reference, wait for the others to go.  The
 * kernel then kfree()s the member; the model parks it, so that a second
 * leave of the same member shows as the hang it is (count below zero,
 * completion used up) and teardown frees it. */
static void ib_sa_free_multicast(struct ib_sa_multicast *multicast)
{
	struct mcast_member *member =
		container_of(multicast, struct mcast_member, multicast);

	spin_lock_irq(&group_lock);
	list_del_init(&member->list);
	spin_unlock_irq(&group_lock);
	/* deref_member() + wait_for_completion(), written so that a leave
	 * that drops the last reference does not complete its own
	 * completion (weft would count that as the completer's locks
	 * preceding the waiter's); the same outcome in every order */
	if (!atomic_dec_and_test(&member->refcount))
		wait_for_completion(&member->comp);
	spin_lock_irq(&group_lock);
	list_add(&member->retired, &sa_retired);
	spin_unlock_irq(&group_lock);
}

/* mcast_work_handler() / process_join_error(): deliver the answer. */
static void mcast_work_handler(struct work_struct *work)
{
	struct mcast_member *member =
		container_of(work, struct mcast_member, work);
	int pending, ret = 0;

	spin_lock_irq(&group_lock);
	pending = !list_empty(&member->list);
	if (pending) {
		atomic_inc(&member->refcount);
		list_del_init(&member->list);
	}
	spin_unlock_irq(&group_lock);
	if (!pending)
		return; /* left before the answer: no callback */
	ret = member->multicast.callback(sa_status, &member->multicast);
	deref_member(member);
	if (ret)
		ib_sa_free_multicast(&member->multicast);
}

static struct ib_sa_multicast *
ib_sa_join_multicast(int (*callback)(int, struct ib_sa_multicast *),
		     void *context, gfp_t gfp)
{
	struct mcast_member *member = kzalloc(sizeof(*member), gfp);

	member->multicast.callback = callback;
	member->multicast.context = context;
	atomic_set(&member->refcount, 1);
	init_completion(&member->comp);
	INIT_LIST_HEAD(&member->retired);
	INIT_WORK(&member->work, mcast_work_handler);
	spin_lock(&group_lock);
	list_add_tail(&member->list, &group_pending);
	queue_work(mcast_wq, &member->work);
	spin_unlock(&group_lock);
	complete(&sa_request_posted);
	return &member->multicast;
}

static void ib_sa_teardown(void)
{
	struct mcast_member *member, *tmp;

	destroy_workqueue(mcast_wq);
	list_for_each_entry_safe(member, tmp, &sa_retired, retired)
		kfree(member);
}

/* ---- ipoib_multicast.c at the parent of 69911416d87d ---------------------- */

enum { IPOIB_FLAG_OPER_UP = 0, IPOIB_MCAST_RUN = 6 };  /* priv->flags */
enum {                                                  /* mcast->flags */
	IPOIB_MCAST_FLAG_BUSY = 2,      /* joining or already joined */
	IPOIB_MCAST_FLAG_ATTACHED = 3,
	IPOIB_MCAST_JOIN_STARTED = 4,
};

struct ipoib_dev_priv;

struct ipoib_mcast {
	struct ib_sa_multicast *mc;
	struct list_head list;
	unsigned long backoff;
	unsigned long flags;
	struct completion done;
	struct ipoib_dev_priv *priv;
};

struct ipoib_dev_priv {
	unsigned long flags;
	spinlock_t lock;
	struct ipoib_mcast *broadcast;
	struct list_head multicast_list;
	struct delayed_work mcast_task;
	struct work_struct carrier_on_task;
	struct workqueue_struct *wq;
};

static DEFINE_MUTEX(mcast_mutex);
static struct ipoib_dev_priv ib0;

static void ipoib_mcast_carrier_on_task(struct work_struct *work)
{
	(void)work; /* rtnl, MTU and netif_carrier_on(): left out */
}

static void ipoib_mcast_free(struct ipoib_mcast *mcast)
{
	struct ipoib_dev_priv *priv = mcast->priv;
	unsigned long flags;

	/* ipoib_del_neighs_by_gid(): the neighbour walk under priv->lock */
	spin_lock_irqsave(&priv->lock, flags);
	spin_unlock_irqrestore(&priv->lock, flags);
	kfree(mcast);
}

/* Not in the diff: assumed to attach the QP and succeed. */
static int ipoib_mcast_join_finish(struct ipoib_mcast *mcast)
{
	test_and_set_bit(IPOIB_MCAST_FLAG_ATTACHED, &mcast->flags);
	return 0;
}

static int ipoib_mcast_join_complete(int status,
				     struct ib_sa_multicast *multicast)
{
	struct ipoib_mcast *mcast = multicast->context;
	struct ipoib_dev_priv *priv = mcast->priv;

	if (!status)
		status = ipoib_mcast_join_finish(mcast);

	if (!status) {
		mcast->backoff = 1;
		/* (the requeue of the join task under mcast_mutex: left out) */
		/* a plain read in the kernel, racing with the flush's store
		 * of NULL: marked here and there to look past that race */
		if (mcast == READ_ONCE(priv->broadcast))
			queue_work(priv->wq, &priv->carrier_on_task);
		status = 0;
		goto out;
	}

	mcast->backoff *= 2;
	/* clear the busy flag so we try again; 1 if it was set */
	status = test_and_clear_bit(IPOIB_MCAST_FLAG_BUSY, &mcast->flags);
	mutex_lock(&mcast_mutex);
	spin_lock_irq(&priv->lock);
	/* (if RUN: the retry after mcast->backoff seconds - left out) */
	spin_unlock_irq(&priv->lock);
	mutex_unlock(&mcast_mutex);
out:
	complete(&mcast->done);
	return status;
}

static void ipoib_mcast_join(struct ipoib_dev_priv *priv,
			     struct ipoib_mcast *mcast)
{
	set_bit(IPOIB_MCAST_FLAG_BUSY, &mcast->flags);
	init_completion(&mcast->done);
	set_bit(IPOIB_MCAST_JOIN_STARTED, &mcast->flags);

	mcast->mc = ib_sa_join_multicast(ipoib_mcast_join_complete, mcast,
					 GFP_KERNEL);
	/* IS_ERR(mcast->mc): never, in the model */
	(void)priv;
}

static void ipoib_mcast_join_task(struct work_struct *work)
{
	struct ipoib_dev_priv *priv =
		container_of(work, struct ipoib_dev_priv, mcast_task.work);

	if (!test_bit(IPOIB_MCAST_RUN, &priv->flags))
		return;

	if (!priv->broadcast) {
		struct ipoib_mcast *broadcast;

		if (!test_bit(IPOIB_FLAG_OPER_UP, &priv->flags))
			return;
		broadcast = kzalloc(sizeof(*broadcast), GFP_KERNEL);
		broadcast->priv = priv;
		broadcast->backoff = 1;
		INIT_LIST_HEAD(&broadcast->list);
		spin_lock_irq(&priv->lock);
		priv->broadcast = broadcast;
		spin_unlock_irq(&priv->lock);
	}
	if (!test_bit(IPOIB_MCAST_FLAG_ATTACHED, &priv->broadcast->flags)) {
		if (!test_bit(IPOIB_MCAST_FLAG_BUSY, &priv->broadcast->flags))
			ipoib_mcast_join(priv, priv->broadcast);
		return;
	}
	/* the walk of priv->multicast_list (empty here), then: all joined */
	clear_bit(IPOIB_MCAST_RUN, &priv->flags);
}

static void ipoib_mcast_start_thread(struct ipoib_dev_priv *priv)
{
	mutex_lock(&mcast_mutex);
	if (!test_and_set_bit(IPOIB_MCAST_RUN, &priv->flags))
		queue_delayed_work(priv->wq, &priv->mcast_task, 0);
	mutex_unlock(&mcast_mutex);
}

static void ipoib_mcast_stop_thread(struct ipoib_dev_priv *priv)
{
	mutex_lock(&mcast_mutex);
	clear_bit(IPOIB_MCAST_RUN, &priv->flags);
	cancel_delayed_work(&priv->mcast_task);
	mutex_unlock(&mcast_mutex);
	flush_workqueue(priv->wq);
}

static void ipoib_mcast_leave(struct ipoib_mcast *mcast)
{
	if (test_and_clear_bit(IPOIB_MCAST_FLAG_BUSY, &mcast->flags))
		ib_sa_free_multicast(mcast->mc);   /* mcast->mc not checked */
	test_and_clear_bit(IPOIB_MCAST_FLAG_ATTACHED, &mcast->flags); /* detach */
}

static void ipoib_mcast_dev_flush(struct ipoib_dev_priv *priv)
{
	LIST_HEAD(remove_list);
	struct ipoib_mcast *mcast, *tmcast;
	unsigned long flags;

	spin_lock_irqsave(&priv->lock, flags);
	list_for_each_entry_safe(mcast, tmcast, &priv->multicast_list, list) {
		list_del(&mcast->list);
		list_add_tail(&mcast->list, &remove_list);
	}
	if (priv->broadcast) {
		list_add_tail(&priv->broadcast->list, &remove_list);
		WRITE_ONCE(priv->broadcast, NULL); /* plain in the kernel */
	}
	spin_unlock_irqrestore(&priv->lock, flags);

	/* seperate between the wait to the leave */
	list_for_each_entry_safe(mcast, tmcast, &remove_list, list)
		if (test_bit(IPOIB_MCAST_JOIN_STARTED, &mcast->flags))
			wait_for_completion(&mcast->done);

	list_for_each_entry_safe(mcast, tmcast, &remove_list, list) {
		ipoib_mcast_leave(mcast);
		ipoib_mcast_free(mcast);
	}
}

/* A port event's light flush (__ipoib_ib_dev_flush, IPOIB_FLUSH_LIGHT):
 * the join task keeps running. */
static void ipoib_ib_dev_flush_light(struct ipoib_dev_priv *priv)
{
	int oper_up = test_and_clear_bit(IPOIB_FLAG_OPER_UP, &priv->flags);

	ipoib_mcast_dev_flush(priv);
	if (oper_up)
		set_bit(IPOIB_FLAG_OPER_UP, &priv->flags);
}

/* ifconfig ib0 down (ipoib_stop -> ipoib_ib_dev_down) */
static void ipoib_ib_dev_down(struct ipoib_dev_priv *priv)
{
	clear_bit(IPOIB_FLAG_OPER_UP, &priv->flags);
	ipoib_mcast_stop_thread(priv);
	ipoib_mcast_dev_flush(priv);
}

static void ipoib_ib_dev_up(struct ipoib_dev_priv *priv)
{
	set_bit(IPOIB_FLAG_OPER_UP, &priv->flags);
	ipoib_mcast_start_thread(priv);
}

static void ib0_up_then(void (*flush)(struct ipoib_dev_priv *))
{
	mcast_wq = alloc_ordered_workqueue("ib_mcast", WQ_MEM_RECLAIM);
	ib0.wq = create_singlethread_workqueue("ipoib_wq");
	spin_lock_init(&ib0.lock);
	INIT_LIST_HEAD(&ib0.multicast_list);
	INIT_DELAYED_WORK(&ib0.mcast_task, ipoib_mcast_join_task);
	INIT_WORK(&ib0.carrier_on_task, ipoib_mcast_carrier_on_task);

	ipoib_ib_dev_up(&ib0);
	wait_for_completion(&sa_request_posted); /* the join is at the SA */
	flush(&ib0);

	destroy_workqueue(ib0.wq);
	ib_sa_teardown();
}

WEFT_TEST(join_completes_before_mc_is_set)
{
	sa_status = 0;
	ib0_up_then(ipoib_ib_dev_flush_light);
}

WEFT_TEST(join_fails_before_mc_is_set)
{
	sa_status = -ENETUNREACH;
	ib0_up_then(ipoib_ib_dev_flush_light);
}

WEFT_TEST(ifconfig_down_any_answer)
{
	sa_status = weft_choose(2) ? -ENETUNREACH : 0;
	ib0_up_then(ipoib_ib_dev_down);
}
