//! expect(sa_join_fails): bug use-after-free
//! expect(sa_join_succeeds): bug use-after-free
//! expect(sa_join_fails_leaves_once): verified
//! expect(complete_under_lock): verified
//! note: hypothesis - mainline still clears BUSY before complete(&mcast->done), after dropping priv->lock: the flush can kfree(mcast) first (see examples/seeds/README.md)
/*
 * Seed 000, today's code: the join-complete path of current mainline
 * against ipoib_mcast_dev_flush() / ipoib_mcast_remove_list().  Read from
 * torvalds/linux drivers/infiniband/ulp/ipoib/ipoib_multicast.c as the
 * search index stores it (commit 01414b70cb6f, a 2025/26 tree: it already
 * uses kzalloc_obj()); the SA side from drivers/infiniband/core/multicast.c
 * (stored copy at 01013cdf06d9, an older tree; the parts modelled here -
 * member reference counting, callback under an extra reference,
 * ib_sa_free_multicast() waiting for the count to drop - are the same in
 * every version read).  Model written from that reading; no kernel code
 * copied.
 *
 * What the model keeps, function by function:
 *
 *   ipoib_mcast_join_task()       kworker on priv->wq; takes priv->lock,
 *                                 allocates the broadcast group and calls
 *                                 ipoib_mcast_join() with the lock held.
 *   ipoib_mcast_join()            caller holds priv->lock: returns -EINVAL
 *                                 when there is no broadcast group or
 *                                 multicast is not allowed, else
 *                                 init_completion(&mcast->done), sets BUSY
 *                                 and calls ib_sa_join_multicast(...,
 *                                 GFP_ATOMIC, ...) (since 4f973e211b3b).
 *   ipoib_mcast_join_complete()   the SA's callback, in the SA's work
 *                                 (mcast_wq); never takes priv->mcast_mutex.
 *                                 On error (or when ipoib_mcast_join_finish()
 *                                 finds priv->broadcast gone and returns
 *                                 -EAGAIN) it takes priv->lock, calls
 *                                 __ipoib_mcast_schedule_join_thread()
 *                                 (a no-op once OPER_UP is clear), then at
 *                                 out_locked: stores mcast->mc (NULL on
 *                                 error), clears BUSY, spin_unlock_irq(),
 *                                 and only then complete(&mcast->done).
 *   ipoib_mcast_dev_flush()       ifconfig down: takes priv->mcast_mutex,
 *                                 moves the groups to a local remove_list
 *                                 under priv->lock, sets priv->broadcast =
 *                                 NULL, then ipoib_mcast_remove_list().
 *   ipoib_mcast_remove_list()     test_bit(BUSY) with no lock held; only if
 *                                 set, wait_for_completion(&mcast->done);
 *                                 then ipoib_mcast_leave() and
 *                                 ipoib_mcast_free(), which ends in
 *                                 kfree(mcast).
 *   ipoib_mcast_leave()           ib_sa_free_multicast(mcast->mc) only when
 *                                 mcast->mc is a valid pointer.
 *   ipoib_mcast_free()            ipoib_del_neighs_by_gid() takes and drops
 *                                 priv->lock (modelled as just that), then
 *                                 kfree(mcast).
 *   ipoib_ib_dev_down()           clear OPER_UP, ipoib_mcast_stop_thread()
 *                                 (cancel_delayed_work_sync of the join
 *                                 task), ipoib_mcast_dev_flush().
 *
 * The SA (core/multicast.c) as the model has it: ib_sa_join_multicast()
 * allocates the member with one reference (the caller's) and queues the
 * request; the answer is delivered from the SA's ordered workqueue: the
 * handler takes a reference on the member, calls the callback, drops the
 * reference, and if the callback returned non-zero calls
 * ib_sa_free_multicast() itself ("the SA core frees it").
 * ib_sa_free_multicast() takes the member off the group, drops a reference
 * and waits for the count to reach zero, then frees the member.  A member
 * left before its answer gets no callback.  The join request itself is
 * assumed to succeed (no -ENOMEM); port events (-ENETRESET) are left out.
 *
 * The question the model settles: after the callback has cleared BUSY and
 * dropped priv->lock, but before its complete(&mcast->done), can the flush
 * see BUSY clear, skip the wait, leave (mcast->mc is NULL, so no SA call
 * that would wait for the callback) and kfree(mcast)?  weft says yes: the
 * complete() writes to freed memory (`use-after-free`), for a failed
 * answer (sa_join_fails) and also for a successful one that arrives after
 * the flush took priv->broadcast (sa_join_succeeds: join_finish returns
 * -EAGAIN, the same error path).  See the seed README for the trace and
 * how sure we are.
 *
 * sa_join_fails_leaves_once keeps the mcast's memory (ipoib_mcast_free
 * parks it instead of kfree) to check the property 1c0453d64a34 restored
 * on its own: no membership is left twice and nothing hangs; verified.
 * complete_under_lock is the candidate fix: complete(&mcast->done) before
 * spin_unlock_irq() in the callback (the flush's ipoib_mcast_free() takes
 * priv->lock before kfree, so it cannot free the mcast before complete()
 * has run); verified.  Not kernel code: a hypothesis to check.
 *
 * Left out: the send-only and non-broadcast groups (the multicast list is
 * empty), the address handle, queued packets, the carrier-on task's body
 * (it is queued and runs as an empty work), the rb-tree, debug output.
 * ipoib_mcast_allowed() is modelled as test_bit(IPOIB_FLAG_OPER_UP) (its
 * definition in ipoib.h was not read).
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
	/* The model's SA takes every join (the kernel's returns
	 * ERR_PTR(-ENOMEM) when its GFP_ATOMIC allocation fails, and
	 * ipoib_mcast_join retries later): the scenario's driver waits for
	 * the request, so its allocation is kept from failing. */
	struct mcast_member *member =
		kzalloc(sizeof(*member), gfp | __GFP_NOFAIL);

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

/* ---- ipoib_multicast.c, mainline ------------------------------------------ */

enum { IPOIB_FLAG_OPER_UP = 0 };                   /* priv->flags */
enum {                                             /* mcast->flags */
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
	struct mutex mcast_mutex;
	struct ipoib_mcast *broadcast;
	struct list_head multicast_list;
	struct delayed_work mcast_task;
	struct work_struct carrier_on_task;
	struct workqueue_struct *wq;
};

static struct ipoib_dev_priv ib0;
static int park_mcasts;          /* sa_join_fails_leaves_once */
static int complete_locked;      /* complete_under_lock */
static LIST_HEAD(parked_mcasts);

static int ipoib_mcast_allowed(struct ipoib_dev_priv *priv)
{
	return test_bit(IPOIB_FLAG_OPER_UP, &priv->flags);
}

/* Caller holds priv->lock. */
static void __ipoib_mcast_schedule_join_thread(struct ipoib_dev_priv *priv,
					       struct ipoib_mcast *mcast,
					       int delay)
{
	if (!ipoib_mcast_allowed(priv))
		return;
	cancel_delayed_work(&priv->mcast_task);
	if (mcast && delay) {
		/* a retry after mcast->backoff seconds: the model doubles
		 * the backoff but leaves the retry out (one join per test;
		 * with virtual time it would retry without end) */
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

/* The broadcast group is the only group: join_finish updates the device
 * from it under priv->lock, or gives up if the flush took it. */
static int ipoib_mcast_join_finish(struct ipoib_mcast *mcast)
{
	struct ipoib_dev_priv *priv = mcast->priv;

	spin_lock_irq(&priv->lock);
	if (!priv->broadcast) {
		spin_unlock_irq(&priv->lock);
		return -EAGAIN;
	}
	spin_unlock_irq(&priv->lock);
	if (test_and_set_bit(IPOIB_MCAST_FLAG_ATTACHED, &mcast->flags))
		return 0;
	/* rn->attach_mcast() succeeds; the address handle is left out */
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
		/* a plain read in the kernel, racing with the flush's store
		 * of NULL (weft reports the data race): marked here and there
		 * to look past it - either value leads to the same outcome */
		if (mcast == READ_ONCE(priv->broadcast)) {
			spin_lock_irq(&priv->lock);
			queue_work(priv->wq, &priv->carrier_on_task);
			__ipoib_mcast_schedule_join_thread(priv, NULL, 0);
			goto out_locked;
		}
	} else {
		spin_lock_irq(&priv->lock);
		/* requeue the join task with a backoff delay */
		__ipoib_mcast_schedule_join_thread(priv, mcast, 1);
		goto out_locked;
	}
	spin_lock_irq(&priv->lock);
out_locked:
	/* mc stored before BUSY is cleared (1c0453d64a34) */
	mcast->mc = status ? NULL : multicast;
	/* Not in the kernel's code: there clear_bit, which orders nothing
	 * in the kernel memory model (Documentation/atomic_bitops.txt),
	 * is all that orders the store of mc before the flag that
	 * ipoib_mcast_dev_flush tests without the lock, and weft reports
	 * ipoib_mcast_leave's read of mc as a data race with it: a
	 * reordering weakly ordered machines allow.  The barrier keeps
	 * this reproduction to the race the commit fixed. */
	smp_mb__before_atomic();
	clear_bit(IPOIB_MCAST_FLAG_BUSY, &mcast->flags);
	if (complete_locked) {
		complete(&mcast->done);           /* the candidate fix */
		spin_unlock_irq(&priv->lock);
	} else {
		spin_unlock_irq(&priv->lock);
		complete(&mcast->done);           /* mainline */
	}
	return status;
}

/* Caller holds priv->lock. */
static int ipoib_mcast_join(struct ipoib_dev_priv *priv,
			    struct ipoib_mcast *mcast)
{
	struct ib_sa_multicast *multicast;

	if (!priv->broadcast || !ipoib_mcast_allowed(priv))
		return -EINVAL;
	init_completion(&mcast->done);
	set_bit(IPOIB_MCAST_FLAG_BUSY, &mcast->flags);
	multicast = ib_sa_join_multicast(ipoib_mcast_join_complete, mcast,
					 GFP_ATOMIC);
	(void)multicast; /* never an error in the model */
	return 0;
}

static void ipoib_mcast_join_task(struct work_struct *work)
{
	struct ipoib_dev_priv *priv =
		container_of(work, struct ipoib_dev_priv, mcast_task.work);
	struct ipoib_mcast *mcast = NULL;

	if (!ipoib_mcast_allowed(priv))
		return;
	spin_lock_irq(&priv->lock);
	if (!ipoib_mcast_allowed(priv))
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
	if (mcast)
		ipoib_mcast_join(priv, mcast);
	spin_unlock_irq(&priv->lock);
}

static void ipoib_mcast_start_thread(struct ipoib_dev_priv *priv)
{
	unsigned long flags;

	spin_lock_irqsave(&priv->lock, flags);
	__ipoib_mcast_schedule_join_thread(priv, NULL, 0);
	spin_unlock_irqrestore(&priv->lock, flags);
}

static void ipoib_mcast_stop_thread(struct ipoib_dev_priv *priv)
{
	cancel_delayed_work_sync(&priv->mcast_task);
}

static void ipoib_mcast_leave(struct ipoib_mcast *mcast)
{
	/* ipoib_warn() if BUSY was still set: an in-flight join */
	test_and_clear_bit(IPOIB_MCAST_FLAG_BUSY, &mcast->flags);
	if (!IS_ERR_OR_NULL(mcast->mc))
		ib_sa_free_multicast(mcast->mc);
	test_and_clear_bit(IPOIB_MCAST_FLAG_ATTACHED, &mcast->flags); /* detach */
}

static void ipoib_mcast_remove_list(struct list_head *remove_list)
{
	struct ipoib_mcast *mcast, *tmcast;

	/* make sure the in-flight joins have finished before we leave */
	list_for_each_entry_safe(mcast, tmcast, remove_list, list)
		if (test_bit(IPOIB_MCAST_FLAG_BUSY, &mcast->flags))
			wait_for_completion(&mcast->done);

	list_for_each_entry_safe(mcast, tmcast, remove_list, list) {
		ipoib_mcast_leave(mcast);
		ipoib_mcast_free(mcast);
	}
}

static void ipoib_mcast_dev_flush(struct ipoib_dev_priv *priv)
{
	LIST_HEAD(remove_list);
	struct ipoib_mcast *mcast, *tmcast;
	unsigned long flags;

	mutex_lock(&priv->mcast_mutex);
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

	ipoib_mcast_remove_list(&remove_list);
	mutex_unlock(&priv->mcast_mutex);
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
	mutex_init(&ib0.mcast_mutex);
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

WEFT_TEST(sa_join_fails)
{
	sa_status = -ENETUNREACH;
	ifconfig_ib0_up_then_down();
}

WEFT_TEST(sa_join_succeeds)
{
	sa_status = 0;
	ifconfig_ib0_up_then_down();
}

WEFT_TEST(sa_join_fails_leaves_once)
{
	sa_status = -ENETUNREACH;
	park_mcasts = 1;
	ifconfig_ib0_up_then_down();
}

WEFT_TEST(complete_under_lock)
{
	sa_status = weft_choose(2) ? -ENETUNREACH : 0;
	complete_locked = 1;
	ifconfig_ib0_up_then_down();
}
