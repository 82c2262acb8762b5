// A character driver's .poll: it reports the device readable from a count
// it reads without the lock its read path updates under, and before
// poll_wait; the read path's update races it.  The fix reads the count
// under the lock.  <linux/poll.h> (poll_table, poll_wait, EPOLL*) did not
// exist (a probe of driver patterns): a .poll did not compile.
//! expect: bug data-race
#include <linux/fs.h>
#include <linux/poll.h>
#include <linux/spinlock.h>
#include <linux/wait.h>

struct dev {
	spinlock_t lock;
	wait_queue_head_t readq;
	int avail;
};

static struct dev the_dev;
static __poll_t seen;

static __poll_t dev_poll(struct file *f, poll_table *pt)
{
	struct dev *d = f->private_data;
	__poll_t mask = 0;

	poll_wait(f, &d->readq, pt);
#ifdef OK
	spin_lock(&d->lock);
	if (d->avail)
		mask |= EPOLLIN | EPOLLRDNORM;
	spin_unlock(&d->lock);
#else
	if (d->avail)
		mask |= EPOLLIN | EPOLLRDNORM;
#endif
	return mask;
}

static void produce(void *arg)
{
	(void)arg;
	spin_lock(&the_dev.lock);
	the_dev.avail++;
	spin_unlock(&the_dev.lock);
	wake_up_interruptible(&the_dev.readq);
}

static const struct file_operations dev_fops = {
	.poll = dev_poll,
};

WEFT_TEST(poll_while_producing)
{
	struct file f = { .private_data = &the_dev };
	weft_thread_t p;

	spin_lock_init(&the_dev.lock);
	init_waitqueue_head(&the_dev.readq);
	p = weft_spawn(produce, NULL);
	seen = dev_fops.poll(&f, NULL);
	weft_join(p);
	WARN_ON(!(dev_fops.poll(&f, NULL) & EPOLLIN));
	WARN_ON(seen & ~(EPOLLIN | EPOLLRDNORM));
}
