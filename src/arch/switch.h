/* src/arch/switch.h - the context switch between fibers.
 *
 * A context is the saved stack pointer of a suspended fiber (x86_64), or a
 * ucontext_t (the portable fallback).  weft__ctx_switch saves the caller's
 * callee-saved state into *from and resumes *to; it returns when something
 * switches back to *from. */
#ifndef WEFT_ARCH_SWITCH_H
#define WEFT_ARCH_SWITCH_H

#include <stddef.h>

#if defined(__x86_64__) && !defined(WEFT_USE_UCONTEXT)
#define WEFT_ARCH_ASM 1
struct weft__ctx {
	void *sp;
	void *tp;       /* thread pointer (%fs base), or NULL: see tls.h */
};
/* The first entry of a new fiber (switch_x86_64.S), whose address
 * weft__ctx_make puts where the switch returns to. */
void weft__ctx_trampoline(void);
#else
#include <ucontext.h>
struct weft__ctx {
	ucontext_t uc;
	void *tp;
};
#endif

/* Save the current context in from and resume to.  The thread pointer
 * is saved in from->tp and switched to to->tp when that is set. */
void weft__ctx_switch(struct weft__ctx *from, struct weft__ctx *to);

/* Prepare ctx to run entry(arg) on the stack [stack, stack + size) the
 * first time it is switched to.  entry must never return.  ctx->tp is
 * cleared (the fiber keeps the current TLS) until the caller sets it. */
void weft__ctx_make(struct weft__ctx *ctx, void *stack, size_t size,
		    void (*entry)(void *), void *arg);

/* Nonzero when the switch may set the thread pointer with wrfsbase: tls.c
 * decides once per process; the byte is defined in switch_x86_64.S, which
 * reads it, or in tls.c for the ucontext build. */
extern char weft__tls_wrfsbase;

#endif
