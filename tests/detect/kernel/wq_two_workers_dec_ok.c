// wq_two_workers_dec_bug.c with atomic_dec_and_test: the drop and the
// test are one step, so exactly one work sees zero, in every order of
// the two workers.
//! expect(one_sees_zero): verified
#include <linux/completion.h>
#include <linux/workqueue.h>

static atomic_t cnt = ATOMIC_INIT(2);
static atomic_t hits = ATOMIC_INIT(0);
static DECLARE_COMPLETION(done);
static struct work_struct w0, w1;

static void drop(struct work_struct *w)
{
	(void)w;
	if (atomic_dec_and_test(&cnt)) {
		atomic_inc(&hits);
		complete(&done);
	}
}

WEFT_TEST(one_sees_zero)
{
	INIT_WORK(&w0, drop);
	INIT_WORK(&w1, drop);
	schedule_work(&w0);
	schedule_work_on(1, &w1);
	wait_for_completion(&done);
	flush_work(&w0);
	flush_work(&w1);
	BUG_ON(atomic_read(&hits) == 2);
}
