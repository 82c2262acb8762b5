//! expect: bug crash
/* A stack overflow below a recursion deeper than the instrumentation's
 * function stack keeps (64 calls): the report names the innermost call,
 * depth's own, not one of walk's outer calls (tests/cli/reports.sh). */
#include <weft/weft.h>

static volatile int limit = 1 << 30;
static volatile int sink;

static int depth(volatile char *prev, int n)
{
	volatile char frame[512];
	frame[0] = (char)n;
	if (prev)
		frame[1] = prev[0];
	if (n >= limit)
		return 0;
	return depth(frame, n + 1) + frame[1]; /* the innermost call */
}

static int walk(int n)
{
	volatile char pad[64];
	pad[0] = (char)n;
	if (n == 0)
		return depth(NULL, 0) + pad[0];
	return walk(n - 1) + pad[0]; /* 100 calls, under depth's */
}

static void recurse(void *arg)
{
	(void)arg;
	sink = walk(100);
}

WEFT_TEST(stack_overflow_deep)
{
	weft_thread_t t = weft_spawn(recurse, NULL);
	weft_join(t);
}
