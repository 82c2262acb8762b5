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

#if defined(__x86_64__)
/* Each fiber keeps its own MXCSR and x87 control word: the switch loads
 * them only when they differ (switch_x86_64.S), so both the equal and
 * the different case are taken here. */
static struct weft__ctx fp_main, fp_fib;
static unsigned fib_mxcsr_seen[3];
static unsigned short fib_cw_seen[3];

static unsigned get_mxcsr(void)
{
	unsigned v;
	__asm__ volatile("stmxcsr %0" : "=m"(v));
	return v;
}

static void set_mxcsr(unsigned v)
{
	__asm__ volatile("ldmxcsr %0" : : "m"(v));
}

static unsigned short get_cw(void)
{
	unsigned short v;
	__asm__ volatile("fnstcw %0" : "=m"(v));
	return v;
}

static void set_cw(unsigned short v)
{
	__asm__ volatile("fldcw %0" : : "m"(v));
}

static void fp_fiber(void *arg)
{
	(void)arg;
	/* Round upward (MXCSR bits 13-14, x87 bits 10-11). */
	set_mxcsr((get_mxcsr() & ~0x6000u) | 0x4000u);
	set_cw((unsigned short)((get_cw() & ~0x0C00u) | 0x0800u));
	for (int i = 0; i < 3; i++) {
		weft__ctx_switch(&fp_fib, &fp_main);
		fib_mxcsr_seen[i] = get_mxcsr();
		fib_cw_seen[i] = get_cw();
	}
	for (;;)
		weft__ctx_switch(&fp_fib, &fp_main);
}

UNIT(ctx_switch_fp_control)
{
	size_t size = 64 * 1024;
	void *stack = malloc(size);
	unsigned m0 = get_mxcsr();
	unsigned short c0 = get_cw();

	weft__ctx_make(&fp_fib, stack, size, fp_fiber, NULL);
	for (int i = 0; i < 4; i++) {
		weft__ctx_switch(&fp_main, &fp_fib);
		EXPECT_EQ_INT(get_mxcsr(), m0);
		EXPECT_EQ_INT(get_cw(), c0);
		if (i == 2) {
			/* The same modes on both sides for once: the
			 * switch loads nothing, and both stay right. */
			set_mxcsr((m0 & ~0x6000u) | 0x4000u);
			set_cw((unsigned short)((c0 & ~0x0C00u) | 0x0800u));
			weft__ctx_switch(&fp_main, &fp_fib);
			set_mxcsr(m0);
			set_cw(c0);
		}
	}
	for (int i = 0; i < 3; i++) {
		EXPECT_EQ_INT(fib_mxcsr_seen[i] & 0x6000u, 0x4000u);
		EXPECT_EQ_INT(fib_cw_seen[i] & 0x0C00u, 0x0800u);
	}
	set_mxcsr(m0);
	set_cw(c0);
	free(stack);
}
#endif
