// init_completion() while another thread sleeps in wait_for_completion on
// it ("reset for the next round"): the kernel re-initialises the wait
// list under the sleeper, whose wake-up is lost.  Verified before the init
// was a step with a check (a probe of kernel driver patterns).
// init_live_completion_ok.c resets it after the waiter was woken and
// joined, the legitimate reuse.
//! expect: bug misuse
#include <linux/completion.h>
#include <linux/delay.h>

static struct completion done;

static void waiter(void *arg)
{
	(void)arg;
	wait_for_completion(&done);
}

WEFT_TEST(init_live_completion)
{
	init_completion(&done);
	weft_thread_t t = weft_spawn(waiter, NULL);
	msleep(1);
#ifdef OK
	complete(&done);
	weft_join(t);
	reinit_completion(&done);
	init_completion(&done);
	complete(&done);
	wait_for_completion(&done);
#else
	init_completion(&done); /* "reset for the next round" */
	complete(&done);
	weft_join(t);
#endif
}
