//! expect: verified
/*
 * "IB/ipoib: Fix mcast list locking", commit 4f973e211b3b (Daniel Vacek,
 * 2023; CVE-2023-52587), the code AFTER the fix: ipoib_mcast_join() keeps
 * priv->lock across ib_sa_join_multicast(), which now allocates with
 * GFP_ATOMIC (the fix's second change: with the lock held, GFP_KERNEL
 * would sleep under a spinlock - weft reports that as `misuse`), and the
 * error path no longer drops the lock around complete().  The flush can no
 * longer move the groups while the walk is between two entries, so the
 * walk always ends at &priv->multicast_list.  Same scenario and
 * assumptions as before.c (see there); read from the fix's diff and from
 * mainline's ipoib_multicast.c (torvalds/linux 01414b70cb6f).  Verified.
 *
 * The SA answers every join with success here; a failed answer would run
 * into the complete()-after-unlock window of ipoib_mcast_join_complete()
 * (seed 000's mainline.c), which this entry is not about.
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
static const int sa_status;    /* the SA answers every join: success */

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

/* ---- ipoib_multicast.c ----------------------------------------------------- */

enum { IPOIB_FLAG_OPER_UP = 0 };                   /* priv->flags */
enum {                                             /* mcast->flags */
	IPOIB_MCAST_FLAG_SENDONLY = 1,
	IPOIB_MCAST_FLAG_BUSY = 2,
	IPOIB_MCAST_FLAG_ATTACHED = 3,
};

struct ipoib_dev_priv;

struct ipoib_mcast {
	struct ib_sa_multicast *mc;
	struct list_head list;
	unsigned long backoff;
	unsigned long delay_until;
	unsigned long flags;
	struct completion done;
	struct ipoib_dev_priv *priv;
	int is_broadcast;        /* its MGID is the broadcast GID */
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
		mcast->backoff *= 2;   /* the retry itself: left out */
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
	kfree(mcast);
}

static int ipoib_mcast_join_finish(struct ipoib_mcast *mcast)
{
	struct ipoib_dev_priv *priv = mcast->priv;

	if (mcast->is_broadcast) {
		spin_lock_irq(&priv->lock);
		if (!priv->broadcast) {
			spin_unlock_irq(&priv->lock);
			return -EAGAIN;
		}
		spin_unlock_irq(&priv->lock);
	}
	if (test_and_set_bit(IPOIB_MCAST_FLAG_ATTACHED, &mcast->flags))
		return 0;
	return 0; /* rn->attach_mcast() succeeds; no address handle */
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
		 * of NULL: marked here and there to look past that race */
		if (mcast == READ_ONCE(priv->broadcast)) {
			spin_lock_irq(&priv->lock);
			queue_work(priv->wq, &priv->carrier_on_task);
			__ipoib_mcast_schedule_join_thread(priv, NULL, 0);
			goto out_locked;
		}
	} else {
		spin_lock_irq(&priv->lock);
		__ipoib_mcast_schedule_join_thread(priv, mcast, 1);
		goto out_locked;
	}
	spin_lock_irq(&priv->lock);
out_locked:
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
	spin_unlock_irq(&priv->lock);
	complete(&mcast->done);
	return status;
}

/* Caller holds priv->lock, and since the fix keeps it throughout. */
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

	(void)multicast; /* IS_ERR(): never, in the model */
	return 0;
}

/* The NMI watchdog, as far as this walk goes: priv->multicast_list holds
 * at most NR_GROUPS entries, so a walk that has visited more has left it
 * and goes round a list that does not lead back (see the header). */
#define NR_GROUPS 2
static void walk_watchdog(int visited)
{
	if (visited > 2 * NR_GROUPS + 2)
		weft_assert_fail("NMI watchdog: hard LOCKUP - "
				 "ipoib_mcast_join_task() spins in its walk with "
				 "priv->lock held", WEFT_HERE);
}

static void ipoib_mcast_join_task(struct work_struct *work)
{
	struct ipoib_dev_priv *priv =
		container_of(work, struct ipoib_dev_priv, mcast_task.work);
	struct ipoib_mcast *mcast = NULL;
	int visited = 0;

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
		broadcast->is_broadcast = 1;
		INIT_LIST_HEAD(&broadcast->list);
		priv->broadcast = broadcast;
	}
	if (!test_bit(IPOIB_MCAST_FLAG_ATTACHED, &priv->broadcast->flags)) {
		if (IS_ERR_OR_NULL(priv->broadcast->mc) &&
		    !test_bit(IPOIB_MCAST_FLAG_BUSY, &priv->broadcast->flags))
			mcast = priv->broadcast;
		goto out;
	}

	/* the broadcast group is joined: now the others */
	list_for_each_entry(mcast, &priv->multicast_list, list) {
		walk_watchdog(++visited);
		if (IS_ERR_OR_NULL(mcast->mc) &&
		    !test_bit(IPOIB_MCAST_FLAG_BUSY, &mcast->flags) &&
		    !test_bit(IPOIB_MCAST_FLAG_SENDONLY, &mcast->flags) &&
		    (mcast->backoff == 1 ||
		     time_after_eq(jiffies, mcast->delay_until))) {
			/* found the next unjoined group */
			if (ipoib_mcast_join(priv, mcast)) {
				spin_unlock_irq(&priv->lock);
				return;
			}
		}
	}
	mcast = NULL;
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
	/* LIST_HEAD(remove_list) in the kernel: a bare head on this stack.
	 * The model puts it in an ipoib_mcast-shaped frame whose ->mc is a
	 * stack address, for a walk that reads the head as a group (see the
	 * header); nothing else looks at the frame. */
	struct ipoib_mcast frame = { .mc = (struct ib_sa_multicast *)&frame };
	struct list_head *remove_list = &frame.list;
	struct ipoib_mcast *mcast, *tmcast;
	unsigned long flags;

	INIT_LIST_HEAD(remove_list);
	mutex_lock(&priv->mcast_mutex);
	spin_lock_irqsave(&priv->lock, flags);
	list_for_each_entry_safe(mcast, tmcast, &priv->multicast_list, list) {
		list_del(&mcast->list);
		list_add_tail(&mcast->list, remove_list);
	}
	if (priv->broadcast) {
		list_add_tail(&priv->broadcast->list, remove_list);
		WRITE_ONCE(priv->broadcast, NULL); /* plain in the kernel */
	}
	spin_unlock_irqrestore(&priv->lock, flags);

	ipoib_mcast_remove_list(remove_list);
	mutex_unlock(&priv->mcast_mutex);
}

/* A port event (SM change, client reregister): ipoib_ib_dev_flush_light
 * on the driver's flush workqueue; the join task is not stopped. */
static void ipoib_ib_dev_flush_light(struct ipoib_dev_priv *priv)
{
	int oper_up = test_and_clear_bit(IPOIB_FLAG_OPER_UP, &priv->flags);

	ipoib_mcast_dev_flush(priv);
	if (oper_up)
		set_bit(IPOIB_FLAG_OPER_UP, &priv->flags);
}

/* ifconfig ib0 down (ipoib_ib_dev_down): stops the join task first */
static void ipoib_ib_dev_down(struct ipoib_dev_priv *priv)
{
	clear_bit(IPOIB_FLAG_OPER_UP, &priv->flags);
	cancel_delayed_work_sync(&priv->mcast_task);
	ipoib_mcast_dev_flush(priv);
}

static void ipoib_ib_dev_up(struct ipoib_dev_priv *priv)
{
	set_bit(IPOIB_FLAG_OPER_UP, &priv->flags);
	ipoib_mcast_start_thread(priv);
}

WEFT_TEST(flush_light_during_join_walk)
{
	struct ipoib_mcast *a;

	mcast_wq = alloc_ordered_workqueue("ib_mcast", WQ_MEM_RECLAIM);
	ib0.wq = create_singlethread_workqueue("ipoib_wq");
	spin_lock_init(&ib0.lock);
	mutex_init(&ib0.mcast_mutex);
	INIT_LIST_HEAD(&ib0.multicast_list);
	INIT_DELAYED_WORK(&ib0.mcast_task, ipoib_mcast_join_task);
	INIT_WORK(&ib0.carrier_on_task, ipoib_mcast_carrier_on_task);

	/* group A, added by ipoib_mcast_restart_task() */
	a = kzalloc(sizeof(*a), GFP_KERNEL);
	a->priv = &ib0;
	a->backoff = 1;
	list_add_tail(&a->list, &ib0.multicast_list);

	ipoib_ib_dev_up(&ib0);
	wait_for_completion(&sa_request_posted); /* the broadcast group's join */
	wait_for_completion(&sa_request_posted); /* A's join is at the SA */
	ipoib_ib_dev_flush_light(&ib0);

	ipoib_ib_dev_down(&ib0);
	destroy_workqueue(ib0.wq);
	ib_sa_teardown();
}
