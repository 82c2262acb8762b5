// Kernel objects in a function's stack frame that outlive it.
// completion_after_timeout: the caller waits for its work's completion
// with a timeout, gives up and returns; the work completes the dead
// frame later (weft's report drawing crashed on this, with no output).
// work_not_flushed: a work set up with INIT_WORK_ONSTACK is queued and
// the function returns without flushing it.  waitq_after_timeout: the
// same as the first with an on-stack wait queue head and wait_event.
// inlined_completion is the first in a function inlined into its caller,
// where the completion's life ends with its block (found by a review:
// it was verified).  onstack_ok flushes or cancels before returning (a
// helper's probes).
//! expect(completion_after_timeout): bug use-after-free
//! expect(work_not_flushed): bug use-after-free
//! expect(waitq_after_timeout): bug use-after-free
//! expect(inlined_completion): bug use-after-free
#include <linux/completion.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

struct req {
	struct work_struct w;
	struct completion *done;
	wait_queue_head_t *wq;
	int result;
};

static struct req R;

static void complete_fn(struct work_struct *w)
{
	struct req *r = container_of(w, struct req, w);

	WRITE_ONCE(r->result, 1);
	complete(r->done);
}

/* The request, its wait with a timeout and (FIXED) the cancel on the
 * timeout, as the body of issue() and of the inlined issue_inlined(). */
#ifdef FIXED
#define CANCEL_ON_TIMEOUT() cancel_work_sync(&R.w)
#else
#define CANCEL_ON_TIMEOUT() ((void)0)
#endif
#define ISSUE_BODY()                                                          \
	DECLARE_COMPLETION_ONSTACK(done);                                     \
                                                                              \
	R.done = &done;                                                       \
	INIT_WORK(&R.w, complete_fn);                                         \
	schedule_work(&R.w);                                                  \
	if (!wait_for_completion_timeout(&done, 1)) {                         \
		CANCEL_ON_TIMEOUT();                                          \
		return -ETIMEDOUT;                                            \
	}                                                                     \
	return 0

static noinline int issue(void)
{
	ISSUE_BODY();
}

static int ran;

/* Another call, whose frame takes the place of the one that returned. */
static noinline void other_stuff(void)
{
	volatile long buf[64];
	long sum = 0;

	for (int i = 0; i < 64; i++)
		buf[i] = i;
	for (int i = 0; i < 64; i++)
		sum += buf[i];
	WRITE_ONCE(ran, (int)(sum & 0));
}

WEFT_TEST(completion_after_timeout)
{
	issue();
	other_stuff();
	flush_work(&R.w);
}

static void count_fn(struct work_struct *w)
{
	(void)w;
	WRITE_ONCE(ran, 1);
}

static noinline void issue_onstack(void)
{
	struct work_struct w;

	INIT_WORK_ONSTACK(&w, count_fn);
	schedule_work(&w);
#ifdef FIXED
	flush_work(&w);
	destroy_work_on_stack(&w);
#endif
}

WEFT_TEST(work_not_flushed)
{
	issue_onstack();
	other_stuff();
	flush_scheduled_work();
}

static void wake_fn(struct work_struct *w)
{
	struct req *r = container_of(w, struct req, w);

	WRITE_ONCE(r->result, 1);
	wake_up(r->wq);
}

static noinline void wait_onstack(void)
{
	DECLARE_WAIT_QUEUE_HEAD_ONSTACK(wq);

	R.wq = &wq;
	R.result = 0;
	INIT_WORK(&R.w, wake_fn);
	schedule_work(&R.w);
	(void)wait_event_timeout(wq, READ_ONCE(R.result), 1);
#ifdef FIXED
	/* Even when the condition was seen: the work sets it before its
	 * wake_up, which may still be to come (without this, weft reports
	 * the wake_up on the frame that returned). */
	cancel_work_sync(&R.w);
#endif
}

WEFT_TEST(waitq_after_timeout)
{
	wait_onstack();
	other_stuff();
	flush_work(&R.w);
}

static inline __attribute__((always_inline)) int issue_inlined(void)
{
	ISSUE_BODY();
}

WEFT_TEST(inlined_completion)
{
	issue_inlined();
	other_stuff();
	flush_work(&R.w);
}
