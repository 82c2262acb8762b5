/* The context switch: a ping-pong between two fibers keeps callee-saved
 * state and floating-point control state intact. */
#include <stdlib.h>

#include "unit.h"
#include "arch/switch.h"

static struct weft__ctx main_ctx, fib_ctx;
static volatile int counter;
static double acc;

static void fiber(void *arg)
{
	double x = *(double *)arg;

	for (;;) {
		counter++;
		x *= 1.5;
		acc = x;
		weft__ctx_switch(&fib_ctx, &main_ctx);
	}
}

UNIT(ctx_switch_ping_pong)
{
	size_t size = 64 * 1024;
	void *stack = malloc(size);
	double start = 2.0;
	long local = 12345;

	weft__ctx_make(&fib_ctx, stack, size, fiber, &start);
	for (int i = 0; i < 1000; i++) {
		weft__ctx_switch(&main_ctx, &fib_ctx);
		EXPECT_EQ_INT(counter, i + 1);
	}
	EXPECT_EQ_INT(local, 12345);
	EXPECT_TRUE(acc > 1e100);
	free(stack);
}
