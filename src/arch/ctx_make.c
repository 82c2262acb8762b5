/* src/arch/ctx_make.c - building a fiber's first context.
 *
 * With the assembly switch, a new context is a stack laid out exactly as
 * weft__ctx_switch leaves a suspended fiber (see switch_x86_64.S), whose
 * return address is the trampoline and whose r12/r13 slots carry the entry
 * function and its argument.  The fallback uses ucontext. */
#include "switch.h"

#include <stdint.h>
#include <string.h>

#include "arch/tls.h"

#ifdef WEFT_ARCH_ASM

void weft__ctx_make(struct weft__ctx *ctx, void *stack, size_t size,
		    void (*entry)(void *), void *arg)
{
	uintptr_t top = ((uintptr_t)stack + size) & ~(uintptr_t)15;
	uint64_t *sp = (uint64_t *)top;
	uint32_t mxcsr;
	uint16_t fcw;

	__asm__ volatile("stmxcsr %0" : "=m"(mxcsr));
	__asm__ volatile("fnstcw %0" : "=m"(fcw));
	/* After `ret` pops the trampoline address, rsp == top, 16-byte
	 * aligned; the trampoline's call then pushes 8, so entry sees the
	 * usual rsp % 16 == 8 of a function entry. */
	*--sp = (uint64_t)(uintptr_t)weft__ctx_trampoline;
	*--sp = 0;                         /* rbp: ends frame-pointer walks */
	*--sp = 0;                         /* rbx */
	*--sp = (uint64_t)(uintptr_t)entry; /* r12 */
	*--sp = (uint64_t)(uintptr_t)arg;   /* r13 */
	*--sp = 0;                         /* r14 */
	*--sp = 0;                         /* r15 */
	--sp;
	memcpy(sp, &mxcsr, 4);
	memcpy((char *)sp + 4, &fcw, 2);
	ctx->sp = sp;
	ctx->tp = NULL;
}

#else /* ucontext fallback */

/* makecontext passes int arguments only, so the pointers travel in two
 * halves. */
static void uc_entry(unsigned lo_e, unsigned hi_e, unsigned lo_a,
		     unsigned hi_a)
{
	void (*entry)(void *) =
		(void (*)(void *))(((uintptr_t)hi_e << 32) | lo_e);
	void *arg = (void *)(((uintptr_t)hi_a << 32) | lo_a);
	entry(arg);
	__builtin_trap();
}

void weft__ctx_make(struct weft__ctx *ctx, void *stack, size_t size,
		    void (*entry)(void *), void *arg)
{
	uint64_t e = (uintptr_t)entry, a = (uintptr_t)arg;

	getcontext(&ctx->uc);
	ctx->uc.uc_stack.ss_sp = stack;
	ctx->uc.uc_stack.ss_size = size;
	ctx->uc.uc_link = 0;
	makecontext(&ctx->uc, (void (*)(void))uc_entry, 4, (unsigned)e,
		    (unsigned)(e >> 32), (unsigned)a, (unsigned)(a >> 32));
	ctx->tp = NULL;
}

/* swapcontext leaves the thread pointer alone: move it here (see tls.c). */
void weft__ctx_switch(struct weft__ctx *from, struct weft__ctx *to)
{
	weft__tls_switch(&from->tp, to->tp);
	swapcontext(&from->uc, &to->uc);
}

#endif
