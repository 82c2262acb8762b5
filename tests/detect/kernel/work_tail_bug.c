// A request is handed to a work item, which fills in the result and
// completes; the submitter waits for the completion and frees the
// request.  The work writes to the request after complete(), so the
// submitter may have freed it by then: a use-after-free.  Before, weft
// ended the execution as soon as the test body returned, and called the
// work that had only its last statement left a "leak" (in work_tail_ok.c
// too, where that statement is the return).
//! expect: bug use-after-free
#include <linux/completion.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

struct req {
	struct work_struct work;
	struct completion done;
	int result;
	int stats;
};

static void req_fn(struct work_struct *w)
{
	struct req *r = container_of(w, struct req, work);

	r->result = 42;
#ifdef WORK_TAIL_OK
	r->stats++;
#endif
	complete(&r->done);
#ifndef WORK_TAIL_OK
	r->stats++;
#endif
}

WEFT_TEST(work_tail)
{
	struct req *r = kzalloc(sizeof(*r), GFP_KERNEL);

	INIT_WORK(&r->work, req_fn);
	init_completion(&r->done);
	schedule_work(&r->work);
	wait_for_completion(&r->done);
	weft_assert(r->result == 42);
	kfree(r);
}
