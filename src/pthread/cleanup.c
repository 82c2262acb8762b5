/* src/pthread/cleanup.c - cleanup handlers (pthread_cleanup_push/_pop).
 *
 * glibc's macros, in C without -fexceptions, put a jump buffer on the
 * stack at each push, register it, and unregister it at the pop; its
 * pthread_exit jumps to the innermost registered buffer, whose code runs
 * the handler and asks for the next one (__pthread_unwind_next).  glibc
 * keeps the chain in the OS thread's descriptor, which every test thread
 * shares, and weft's pthread_exit never walked it: a handler that
 * unlocks a mutex never ran, and the program deadlocked.  So the three
 * calls are modelled: the chain is each test thread's own (linked
 * through the buffer's spare words), and pthread_exit unwinds it.
 *
 * Not modelled: the handlers of code built with -fexceptions or as C++
 * (destructors run by a forced unwind), and cancellation (unsupported). */
#include <setjmp.h>

#include "pthread/pt.h"
#include "modelled.h"

/* The next outer handler of b: its first spare word, as in glibc. */
static __pthread_unwind_buf_t **outer(__pthread_unwind_buf_t *b)
{
	return (__pthread_unwind_buf_t **)(void *)&b->__pad[0];
}

void __weft___pthread_register_cancel(__pthread_unwind_buf_t *b)
{
	__pthread_unwind_buf_t **top;

	if (!weft__pt_live()) {
		__pthread_register_cancel(b);
		return;
	}
	top = weft__pt_cleanup_top();
	*outer(b) = *top;
	*top = b;
}

void __weft___pthread_unregister_cancel(__pthread_unwind_buf_t *b)
{
	__pthread_unwind_buf_t **top;

	if (!weft__pt_live()) {
		__pthread_unregister_cancel(b);
		return;
	}
	/* The pop of the innermost push (the macros pair them in one
	 * block); a longjmp out of a handler's block leaves it stale, and
	 * the pop of an outer one drops it too. */
	top = weft__pt_cleanup_top();
	while (*top && *top != b)
		*top = *outer(*top);
	if (*top)
		*top = *outer(b);
}

/* Run the innermost handler: jump to its buffer, where the macro's code
 * calls it and then __pthread_unwind_next.  Returns when none is left. */
void weft__pt_cleanup_unwind(void)
{
	__pthread_unwind_buf_t **top = weft__pt_cleanup_top(), *b = *top;

	weft__pt_once_unwound_to(b);
	if (!b)
		return;
	*top = *outer(b);
	/* The buffer is glibc's cancellation buffer, shorter than a jmp_buf:
	 * longjmp reads the registers and the flag, which is 0 (the macro's
	 * __sigsetjmp saves no signal mask), never the mask after it.  gcc
	 * at -O1 warns of the whole jmp_buf's size. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-overflow"
#endif
	longjmp((struct __jmp_buf_tag *)(void *)b->__cancel_jmp_buf, 1);
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
}

/* Called by the code at a handler's buffer after the handler ran. */
_Noreturn void __weft___pthread_unwind_next(__pthread_unwind_buf_t *b)
{
	if (!weft__pt_live())
		__pthread_unwind_next(b);
	weft__pt_cleanup_unwind();
	weft__pt_exit_finish();
}
