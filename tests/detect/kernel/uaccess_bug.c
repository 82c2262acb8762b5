// A character driver's read and write with copy_to_user/copy_from_user
// and simple_read_from_buffer (<linux/uaccess.h> did not exist: such a
// driver failed with "No such file", a helper's review).  The bug copies
// to the user's buffer under a spinlock: the copy may fault and sleep,
// which in atomic context is misuse (might_fault).  uaccess_ok.c holds a
// mutex instead; two openers read and write concurrently, and each read
// sees a whole message.
//! expect: bug misuse
#include <linux/fs.h>
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/uaccess.h>

static char msg[8] = "aaaaaaa";
#ifdef OK
static DEFINE_MUTEX(lock);
#define LOCK() mutex_lock(&lock)
#define UNLOCK() mutex_unlock(&lock)
#else
static DEFINE_SPINLOCK(lock);
#define LOCK() spin_lock(&lock)
#define UNLOCK() spin_unlock(&lock)
#endif

static ssize_t dev_read(struct file *f, char __user *u, size_t n, loff_t *pos)
{
	ssize_t r;

	(void)f;
	LOCK();
	r = simple_read_from_buffer(u, n, pos, msg, sizeof msg);
	UNLOCK();
	return r;
}

static ssize_t dev_write(struct file *f, const char __user *u, size_t n,
			 loff_t *pos)
{
	char tmp[sizeof msg];

	(void)f, (void)pos;
	if (n != sizeof msg)
		return -EINVAL;
	if (copy_from_user(tmp, u, n))
		return -EFAULT;
	LOCK();
	memcpy(msg, tmp, sizeof msg);
	UNLOCK();
	return (ssize_t)n;
}

static const struct file_operations fops = { .read = dev_read,
					     .write = dev_write };

static int writer(void *arg)
{
	struct file f = { 0 };
	loff_t pos = 0;

	(void)arg;
	fops.write(&f, "bbbbbbb", 8, &pos);
	return 0;
}

WEFT_TEST(read_beside_write)
{
	struct task_struct *t = kthread_create(writer, NULL, "writer");
	struct file f = { 0 };
	char out[8];
	loff_t pos = 0;

	get_task_struct(t);
	wake_up_process(t);
	WARN_ON(fops.read(&f, out, sizeof out, &pos) != 8);
	WARN_ON(out[0] != out[6] || out[7] != 0);
	kthread_stop(t);
	put_task_struct(t);
}
