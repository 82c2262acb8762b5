//! expect: verified
//! args: --strategy=dfs
/* Completions count: complete() before the wait is not lost, one count
 * wakes one waiter, complete_all wakes them all for good. */
#include <weft/linux.h>

static DECLARE_COMPLETION(ev);
static int data;

static void producer(void *arg)
{
	(void)arg;
	data = 42; /* plain store: ordered by the completion */
	complete(&ev);
}

WEFT_TEST(complete_orders_data)
{
	weft_thread_t t = weft_spawn(producer, NULL);

	wait_for_completion(&ev);
	weft_assert(data == 42);
	weft_assert(!try_wait_for_completion(&ev)); /* count used up */
	weft_join(t);
}

static void waiter(void *arg)
{
	(void)arg;
	wait_for_completion(&ev);
}

WEFT_TEST(complete_all_wakes_all)
{
	weft_thread_t a = weft_spawn(waiter, NULL);
	weft_thread_t b = weft_spawn(waiter, NULL);

	complete_all(&ev);
	weft_join(a);
	weft_join(b);
	weft_assert(completion_done(&ev));
	reinit_completion(&ev);
	weft_assert(!completion_done(&ev));
}

WEFT_TEST(counts_accumulate)
{
	complete(&ev);
	complete(&ev);
	weft_assert(try_wait_for_completion(&ev));
	wait_for_completion(&ev);
	weft_assert(!completion_done(&ev));
}
