//! expect(sa_join_succeeds): verified
//! expect(sa_join_fails): bug use-after-free
//! expect(sa_join_fails_leaves_once): bug deadlock
/*
 * Seed 000 - "IB/ipoib: fix MCAST_FLAG_BUSY usage", commit 69911416d87d
 * (Doug Ledford), the code right AFTER the patch.  Read from the patch as
 * the ifs-kernel-updates package carries it (scibian/ifs-kernel-updates,
 * debian/patches/0023-linux-ipoib-6991141.patch: the upstream diff
 * applied to a backport tree, "Origin: .../commit/69911416d87d...");
 * the search index holds no Linux tree at this commit.  The functions
 * below are modelled from the diff's new lines and its context; what the
 * diff does not show (ipoib_mcast_join_finish()) is marked as assumed.
 * No kernel code copied.
 *
 * The scenario is "ifconfig ib0 down" (ipoib_stop -> ipoib_ib_dev_down):
 * clear OPER_UP, ipoib_mcast_stop_thread() - which at this commit takes
 * the static mcast_mutex, clears IPOIB_MCAST_RUN, cancels the join task
 * and flush_workqueue(priv->wq)s, so the join task has returned from
 * ib_sa_join_multicast() and stored mcast->mc before the flush starts -
 * then ipoib_mcast_dev_flush().  What still runs concurrently is the SA's
 * answer, ipoib_mcast_join_complete(), on the SA's workqueue.
 *
 * The callback at this commit, in order, all under mcast_mutex (taken
 * first, so that ipoib_mcast_join() has stored mcast->mc) and NOT under
 * priv->lock:
 *      clear_bit(IPOIB_MCAST_FLAG_BUSY);
 *      if (status) mcast->mc = NULL;
 *      complete(&mcast->done);
 *      mutex_unlock(&mcast_mutex);
 * ipoib_mcast_dev_flush() takes neither mcast_mutex nor priv->lock for its
 * test_bit(BUSY), waits on mcast->done only if BUSY is set, then
 * ipoib_mcast_leave() calls ib_sa_free_multicast(mcast->mc) if mcast->mc
 * is a valid pointer, and ipoib_mcast_free() kfree()s the mcast.
 *
 * Two windows follow, both for a failed join:
 *  1. BUSY clear, mcast->mc not yet NULL (the residual race): the flush
 *     skips the wait and leaves a membership the SA core frees itself
 *     once the callback returns non-zero - the double leave, which hangs
 *     in ib_sa_free_multicast() (`deadlock`).  It is opened by clearing
 *     BUSY before the mc store; 1c0453d64a34 closed it by storing
 *     mcast->mc first (fixed_later.c).
 *  2. BUSY clear, mcast->mc NULL, complete() not yet run: the flush skips
 *     the wait and the leave, frees the mcast, and complete(&mcast->done)
 *     writes freed memory (`use-after-free`).  Opened by clearing BUSY
 *     before complete() - the commit message's point 5 - and still there
 *     today (mainline.c).
 * weft reports a `data-race` on mcast->mc (the callback's NULL store
 * against the flush's unlocked read) and then the consequences.
 * sa_join_fails reports whichever it reaches first (window 2);
 * sa_join_fails_leaves_once keeps the mcast's memory (ipoib_mcast_free
 * parks it) so that only window 1 remains: `deadlock`, with the
 * document-style trace in the seed README.  A successful answer
 * (sa_join_succeeds) is verified: with mcast->mc valid, the flush's
 * ib_sa_free_multicast() waits for the callback to return.
 *
 * The SA model is the one of mainline.c (ib_sa_join_multicast() with one
 * reference for the caller, the answer delivered from the SA's ordered
 * workqueue under an extra reference, the SA's own ib_sa_free_multicast()
 * when the callback returns non-zero, a leave before the answer gets no
 * callback).  Left out: send-only groups (the multicast list is empty),
 * the retry the callback schedules on failure (IPOIB_MCAST_RUN is clear
 * by then anyway), port events, the address handle, the carrier-on
 * task's body.  ipoib_mcast_join_finish() is assumed to attach and
 * succeed: the diff does not show it (mainline's returns -EAGAIN once
 * priv->broadcast is gone; see mainline.c).
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

/* ---- ipoib_multicast.c at 69911416d87d ------------------------------------ */

enum { IPOIB_FLAG_OPER_UP = 0, IPOIB_MCAST_RUN = 6 };  /* priv->flags */
enum {                                                  /* mcast->flags */
	IPOIB_MCAST_FLAG_BUSY = 2,
	IPOIB_MCAST_FLAG_ATTACHED = 3,
};

struct ipoib_dev_priv;

struct ipoib_mcast {
	struct ib_sa_multicast *mc;
	struct list_head list;
	unsigned long backoff;
	unsigned long flags;
	struct completion done;
	struct ipoib_dev_priv *priv;
	struct list_head parked;
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
static int park_mcasts;          /* sa_join_fails_leaves_once */
static LIST_HEAD(parked_mcasts);

/* Caller holds mcast_mutex. */
static void __ipoib_mcast_schedule_join_thread(struct ipoib_dev_priv *priv,
					       struct ipoib_mcast *mcast,
					       int delay)
{
	if (!test_bit(IPOIB_MCAST_RUN, &priv->flags))
		return;
	cancel_delayed_work(&priv->mcast_task);
	if (mcast && delay) {
		/* a retry after mcast->backoff seconds: the model doubles
		 * the backoff but leaves the retry out (one join per test) */
		mcast->backoff *= 2;
		return;
	}
	queue_delayed_work(priv->wq, &priv->mcast_task, 0);
}

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
	if (park_mcasts)
		list_add(&mcast->parked, &parked_mcasts);
	else
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

	/* taken first so that ipoib_mcast_join() has stored mcast->mc */
	mutex_lock(&mcast_mutex);

	if (!status)
		status = ipoib_mcast_join_finish(mcast);

	if (!status) {
		mcast->backoff = 1;
		__ipoib_mcast_schedule_join_thread(priv, NULL, 0);
		/* a plain read in the kernel, racing with the flush's store
		 * of NULL: marked here and there to look past that race */
		if (mcast == READ_ONCE(priv->broadcast))
			queue_work(priv->wq, &priv->carrier_on_task);
	} else {
		/* requeue the join task with a backoff delay */
		__ipoib_mcast_schedule_join_thread(priv, mcast, 1);
	}

	clear_bit(IPOIB_MCAST_FLAG_BUSY, &mcast->flags);
	if (status)
		mcast->mc = NULL;       /* after BUSY is clear: window 1 */
	complete(&mcast->done);         /* after BUSY is clear: window 2 */
	mutex_unlock(&mcast_mutex);
	return status;
}

static void ipoib_mcast_join(struct ipoib_dev_priv *priv,
			     struct ipoib_mcast *mcast)
{
	mutex_lock(&mcast_mutex);
	mcast->mc = ib_sa_join_multicast(ipoib_mcast_join_complete, mcast,
					 GFP_KERNEL);
	/* IS_ERR(mcast->mc): never, in the model */
	mutex_unlock(&mcast_mutex);
	(void)priv;
}

static void ipoib_mcast_join_task(struct work_struct *work)
{
	struct ipoib_dev_priv *priv =
		container_of(work, struct ipoib_dev_priv, mcast_task.work);
	struct ipoib_mcast *mcast = NULL;

	if (!test_bit(IPOIB_MCAST_RUN, &priv->flags))
		return;

	mutex_lock(&mcast_mutex);
	spin_lock_irq(&priv->lock);
	if (!test_bit(IPOIB_FLAG_OPER_UP, &priv->flags))
		goto out;
	if (!priv->broadcast) {
		struct ipoib_mcast *broadcast =
			kzalloc(sizeof(*broadcast), GFP_ATOMIC);

		if (!broadcast) {
			/* "failed to allocate broadcast group": the join
			 * task tries again later, as the kernel's does */
			__ipoib_mcast_schedule_join_thread(priv, NULL, HZ);
			goto out;
		}
		broadcast->priv = priv;
		broadcast->backoff = 1;
		INIT_LIST_HEAD(&broadcast->list);
		priv->broadcast = broadcast;
	}
	if (!test_bit(IPOIB_MCAST_FLAG_ATTACHED, &priv->broadcast->flags)) {
		if (IS_ERR_OR_NULL(priv->broadcast->mc) &&
		    !test_bit(IPOIB_MCAST_FLAG_BUSY, &priv->broadcast->flags))
			mcast = priv->broadcast;
		goto out;
	}
	/* the walk of priv->multicast_list: empty here */
out:
	if (mcast) {
		init_completion(&mcast->done);
		set_bit(IPOIB_MCAST_FLAG_BUSY, &mcast->flags);
	}
	spin_unlock_irq(&priv->lock);
	mutex_unlock(&mcast_mutex);
	if (mcast)
		ipoib_mcast_join(priv, mcast);
}

static void ipoib_mcast_start_thread(struct ipoib_dev_priv *priv)
{
	mutex_lock(&mcast_mutex);
	set_bit(IPOIB_MCAST_RUN, &priv->flags);
	__ipoib_mcast_schedule_join_thread(priv, NULL, 0);
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
	/* ipoib_warn() if BUSY was still set: an in-flight join */
	test_and_clear_bit(IPOIB_MCAST_FLAG_BUSY, &mcast->flags);
	if (!IS_ERR_OR_NULL(mcast->mc))
		ib_sa_free_multicast(mcast->mc);
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

	/* make sure the in-flight joins have finished before we leave */
	list_for_each_entry_safe(mcast, tmcast, &remove_list, list)
		if (test_bit(IPOIB_MCAST_FLAG_BUSY, &mcast->flags))
			wait_for_completion(&mcast->done);

	list_for_each_entry_safe(mcast, tmcast, &remove_list, list) {
		ipoib_mcast_leave(mcast);
		ipoib_mcast_free(mcast);
	}
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

static void ifconfig_ib0_up_then_down(void)
{
	struct ipoib_mcast *mcast, *tmp;

	mcast_wq = alloc_ordered_workqueue("ib_mcast", WQ_MEM_RECLAIM);
	ib0.wq = create_singlethread_workqueue("ipoib_wq");
	spin_lock_init(&ib0.lock);
	INIT_LIST_HEAD(&ib0.multicast_list);
	INIT_DELAYED_WORK(&ib0.mcast_task, ipoib_mcast_join_task);
	INIT_WORK(&ib0.carrier_on_task, ipoib_mcast_carrier_on_task);

	ipoib_ib_dev_up(&ib0);
	wait_for_completion(&sa_request_posted); /* the join is at the SA */
	ipoib_ib_dev_down(&ib0);

	destroy_workqueue(ib0.wq);
	ib_sa_teardown();
	list_for_each_entry_safe(mcast, tmp, &parked_mcasts, parked)
		kfree(mcast);
}

WEFT_TEST(sa_join_succeeds)
{
	sa_status = 0;
	ifconfig_ib0_up_then_down();
}

WEFT_TEST(sa_join_fails)
{
	sa_status = -ENETUNREACH;
	ifconfig_ib0_up_then_down();
}

WEFT_TEST(sa_join_fails_leaves_once)
{
	sa_status = -ENETUNREACH;
	park_mcasts = 1;
	ifconfig_ib0_up_then_down();
}
