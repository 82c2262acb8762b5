// onstack_bug's functions cancel or flush their work before returning,
// so nothing uses their frames afterwards; twice_in_a_row declares a
// completion at the same place in two calls, each completed by a work
// before its wait: a new object each time, not a use of the old one.
//! expect(completion_after_timeout): verified
//! expect(work_not_flushed): verified
//! expect(waitq_after_timeout): verified
//! expect(twice_in_a_row): verified
#define FIXED
#include "onstack_bug.c"

static noinline void one_round(void)
{
	DECLARE_COMPLETION_ONSTACK(done);

	R.done = &done;
	INIT_WORK(&R.w, complete_fn);
	schedule_work(&R.w);
	wait_for_completion(&done);
	flush_work(&R.w);
}

WEFT_TEST(twice_in_a_row)
{
	one_round();
	one_round();
}
