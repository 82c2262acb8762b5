// A request on the heap waits for the device's answer with a timeout;
// on timeout the caller frees the request, and the late answer's
// complete() writes freed memory.  A common shape of driver fixes,
// fixed by taking the request off the device under its lock before the
// free, so a late answer finds nothing to complete.
//! expect: bug use-after-free
#include <linux/completion.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

struct req {
	struct completion done;
	int status;
};

static DEFINE_SPINLOCK(dev_lock);
static struct req *dev_cur;		/* the request the device works on */
static struct work_struct dev_answer;

static void device_answers(struct work_struct *w)
{
	struct req *r;

	(void)w;
	spin_lock(&dev_lock);
	r = dev_cur;
	dev_cur = NULL;
#ifdef FIXED
	if (r) {
		r->status = 0;
		complete(&r->done);
	}
	spin_unlock(&dev_lock);
#else
	spin_unlock(&dev_lock);
	if (r) {
		r->status = 0;
		complete(&r->done);
	}
#endif
}

static int do_request(void)
{
	struct req *r = kzalloc(sizeof(*r), GFP_KERNEL);
	int ret;

	init_completion(&r->done);
	r->status = -EIO;
	spin_lock(&dev_lock);
	dev_cur = r;
	spin_unlock(&dev_lock);
	schedule_work(&dev_answer);
	if (!wait_for_completion_timeout(&r->done, 10)) {
		spin_lock(&dev_lock);
		if (dev_cur == r)
			dev_cur = NULL;
		spin_unlock(&dev_lock);
		ret = -ETIMEDOUT;
	} else {
		ret = r->status;
	}
	kfree(r);
	return ret;
}

WEFT_TEST(request_times_out)
{
	INIT_WORK(&dev_answer, device_answers);
	do_request();
	cancel_work_sync(&dev_answer);
}
