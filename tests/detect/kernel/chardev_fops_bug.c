// A character driver as drivers are written: <linux/fs.h>'s
// file_operations with open/write/release, a cdev set up with cdev_init
// (the inode leads open to the device), a PAGE_SIZE command buffer from
// <linux/pagemap.h>, O_NONBLOCK from <linux/fcntl.h>, isdigit from
// <linux/ctype.h> and a LINUX_VERSION_CODE test.  The test plays two
// openers that each open, write a number and release.  The bug: open
// and release count the users without the device's mutex: a data race,
// and a count lost to it frees the buffer under the other opener's
// write, or twice (the free is the finding, as it outranks the race).
// chardev_fops_ok.c counts under the mutex.  weft had none of these
// headers (No such file or directory).
//! expect: bug double-free
#include <linux/cdev.h>
#include <linux/ctype.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/mutex.h>
#include <linux/pagemap.h>
#include <linux/slab.h>
#include <linux/version.h>

struct cmd_dev {
	struct cdev cdev;
	struct mutex lock;
	int users;
	char *buf;
	long value;
};

static int cmd_open(struct inode *inode, struct file *filp)
{
	struct cmd_dev *d = container_of(inode->i_cdev, struct cmd_dev, cdev);

	if (iminor(inode) != 0)
		return -ENODEV;
#ifdef OK
	mutex_lock(&d->lock);
#endif
	if (d->users++ == 0)
		d->buf = kzalloc(PAGE_SIZE, GFP_KERNEL);
#ifdef OK
	mutex_unlock(&d->lock);
#endif
	filp->private_data = d;
	return nonseekable_open(inode, filp);
}

static ssize_t cmd_write(struct file *filp, const char __user *ubuf,
			 size_t n, loff_t *pos)
{
	struct cmd_dev *d = filp->private_data;
	long v = 0;

	(void)pos;
	if (n >= PAGE_SIZE)
		return -EINVAL;
	mutex_lock(&d->lock);
	memcpy(d->buf, ubuf, n);
	d->buf[n] = '\0';
	for (size_t i = 0; i < n && isdigit(d->buf[i]); i++)
		v = v * 10 + (d->buf[i] - '0');
	d->value = v;
	mutex_unlock(&d->lock);
	return (filp->f_flags & O_NONBLOCK) ? (ssize_t)n : (ssize_t)n;
}

static int cmd_release(struct inode *inode, struct file *filp)
{
	struct cmd_dev *d = filp->private_data;

	(void)inode;
#ifdef OK
	mutex_lock(&d->lock);
#endif
	if (--d->users == 0)
		kfree(d->buf);
#ifdef OK
	mutex_unlock(&d->lock);
#endif
	return 0;
}

static const struct file_operations cmd_fops = {
	.owner = THIS_MODULE,
	.open = cmd_open,
	.write = cmd_write,
	.release = cmd_release,
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 0, 0)
	.llseek = no_llseek,
#endif
};

static struct cmd_dev dev;
static struct inode inode;
static DECLARE_COMPLETION(done);

/* One opener's session, as the VFS would call the operations. */
static int session(void *arg)
{
	struct file f = { .f_mode = FMODE_READ | FMODE_WRITE,
			  .f_flags = O_RDWR, .f_inode = &inode,
			  .f_op = &cmd_fops };

	if (f.f_op->open(&inode, &f) == 0) {
		f.f_op->write(&f, arg, 2, &f.f_pos);
		f.f_op->release(&inode, &f);
	}
	complete(&done);
	return 0;
}

WEFT_TEST(two_openers)
{
	struct task_struct *t;

	mutex_init(&dev.lock);
	cdev_init(&dev.cdev, &cmd_fops);
	dev.cdev.owner = THIS_MODULE;
	inode.i_rdev = MKDEV(240, 0);
	inode.i_cdev = &dev.cdev;
	t = kthread_create(session, "42", "opener");
	get_task_struct(t);
	wake_up_process(t);
	session("17");
	wait_for_completion(&done);
	wait_for_completion(&done);
	kthread_stop(t);
	put_task_struct(t);
	WARN_ON(dev.users != 0);
	WARN_ON(MAJOR(inode.i_rdev) != 240);
}
