// The fix of env_join_bug.c, with the same environment model of the
// InfiniBand SA's asynchronous ib_sa_join_multicast() (README.md,
// "Environment models"): mydev_mcast_leave() leaves the group first,
// which cancels an answer not yet delivered and waits for one being
// delivered, and only then frees the group object the callback writes.
//! expect: verified
#include <linux/slab.h>
#include <linux/workqueue.h>
#include <linux/err.h>

/* ---- environment model: the SA's multicast join ----------------------- */

struct ib_sa_multicast {
	int (*callback)(int status, struct ib_sa_multicast *multicast);
	void *context;
	struct work_struct answer;      /* delivers the SA's answer, later */
};

static void sa_answer(struct work_struct *work)
{
	struct ib_sa_multicast *m =
		container_of(work, struct ib_sa_multicast, answer);

	/* The SA accepts or refuses the join; weft explores both. */
	m->callback(weft_choose(2) ? 0 : -ENETUNREACH, m);
}

static struct ib_sa_multicast *
ib_sa_join_multicast(int (*callback)(int, struct ib_sa_multicast *),
		     void *context)
{
	struct ib_sa_multicast *m = kzalloc(sizeof(*m), GFP_KERNEL);

	if (!m)
		return ERR_PTR(-ENOMEM);
	m->callback = callback;
	m->context = context;
	INIT_WORK(&m->answer, sa_answer);
	queue_work(system_wq, &m->answer);
	return m;
}

/* An answer not yet delivered never is; one being delivered is waited for. */
static void ib_sa_free_multicast(struct ib_sa_multicast *m)
{
	cancel_work_sync(&m->answer);
	kfree(m);
}

/* ---- the driver --------------------------------------------------------- */

struct mydev_mcast {
	struct ib_sa_multicast *mc;
	int joined;
};

static int mydev_join_done(int status, struct ib_sa_multicast *multicast)
{
	struct mydev_mcast *mcast = multicast->context;

	WRITE_ONCE(mcast->joined, status == 0);
	return 0;
}

static struct mydev_mcast *mydev_mcast_join(void)
{
	struct mydev_mcast *mcast = kzalloc(sizeof(*mcast), GFP_KERNEL);

	if (!mcast)
		return NULL;
	mcast->mc = ib_sa_join_multicast(mydev_join_done, mcast);
	if (IS_ERR(mcast->mc)) {
		kfree(mcast);
		return NULL;
	}
	return mcast;
}

static void mydev_mcast_leave(struct mydev_mcast *mcast)
{
	ib_sa_free_multicast(mcast->mc);
	kfree(mcast);
}

WEFT_TEST(join_then_leave)
{
	struct mydev_mcast *mcast = mydev_mcast_join();

	if (mcast)
		mydev_mcast_leave(mcast);
}
