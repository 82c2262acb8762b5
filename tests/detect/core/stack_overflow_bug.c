//! expect: bug crash
/* Unbounded recursion in a test thread hits the stack's guard page and is
 * reported as a crash with the schedule, not as memory corruption. */
#include <weft/weft.h>

static volatile int limit = 1 << 30;

static int depth(volatile char *prev, int n)
{
	volatile char frame[512];
	frame[0] = (char)n;
	if (prev)
		frame[1] = prev[0];
	if (n >= limit)
		return 0;
	return depth(frame, n + 1) + frame[1];
}

static void recurse(void *arg)
{
	(void)arg;
	depth(NULL, 0);
}

WEFT_TEST(stack_overflow)
{
	weft_thread_t t = weft_spawn(recurse, NULL);
	weft_join(t);
}
