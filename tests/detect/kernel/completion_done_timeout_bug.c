// wait_for_completion_timeout on a completion nobody completes times out
// and returns 0.  completion_done_timeout_ok.c completes it first: the
// kernel takes the count without a sleep and returns the timeout
// unchanged; weft armed the timeout first and returned the time left
// after its step, less than the timeout (a helper's probe).
//! expect: bug assertion
#include <linux/completion.h>
static DECLARE_COMPLETION(c);
WEFT_TEST(wfc_done_timeout_value)
{
#ifdef OK
	complete(&c);
#endif
	WARN_ON(wait_for_completion_timeout(&c, 10) != 10);
}
