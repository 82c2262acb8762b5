/* weft/gcc_sync.h - GCC's legacy __sync read-modify-writes as the full
 * barriers GCC's manual makes them.  weft-cc includes it first in every
 * C and C++ source it instruments (-include); a program never includes it.
 *
 * GCC's manual says of __sync_fetch_and_add and its kin that "no memory
 * operand is moved across the operation, either forward or backward", but
 * the thread instrumentation (gcc's and clang's) makes the same call for
 * them as for a C11 seq_cst read-modify-write, which orders the relaxed
 * accesses around it with nothing: a store-buffering handshake over two
 * __sync_fetch_and_add on different variables came out a false assertion
 * failure.  Each is therefore wrapped in a seq_cst fence on either side,
 * which is what the full barrier means in C11's terms (the leading fence
 * keeps earlier accesses from moving after the operation, the trailing one
 * later accesses before it).  Each name stays a builtin inside its own
 * macro (a macro is not expanded again in its own expansion), evaluates
 * its arguments once, and keeps its result and its type.
 *
 * Left as they are: __sync_lock_test_and_set (an acquire barrier only, per
 * the manual), __sync_lock_release (a release barrier) and
 * __sync_synchronize (a full fence already), which weft models right; and
 * the sized forms (__sync_fetch_and_add_4, ...), internal names a program
 * does not spell.
 *
 * C takes a statement expression (a type-generic temporary for the result);
 * C++ a function template instead, which also works where a statement
 * expression may not stand (outside a function, in a default argument or a
 * decltype).  A system header, so a program's own warning flags
 * (-Wpedantic on the statement expression, -Wshadow on a __sync call
 * inside another's arguments) do not fail its build on weft's text. */
#ifndef WEFT_GCC_SYNC_H
#define WEFT_GCC_SYNC_H
#if !defined(__ASSEMBLER__)
#pragma GCC system_header

#ifdef __cplusplus
/* The trailing fence, after the operation its argument is. */
template <class T> inline T weft__sync_after(T v)
{
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	return v;
}
#define WEFT__SYNC_FULL(call) \
	(__atomic_thread_fence(__ATOMIC_SEQ_CST), ::weft__sync_after(call))
#else
#define WEFT__SYNC_FULL(call)                                   \
	__extension__({                                         \
		__atomic_thread_fence(__ATOMIC_SEQ_CST);        \
		__typeof__(call) weft__sync_r = (call);         \
		__atomic_thread_fence(__ATOMIC_SEQ_CST);        \
		weft__sync_r;                                   \
	})
#endif

/* Variadic, as the builtins are: GCC accepts (and ignores) a list of
 * variables after the operands. */
#define __sync_fetch_and_add(...) WEFT__SYNC_FULL(__sync_fetch_and_add(__VA_ARGS__))
#define __sync_fetch_and_sub(...) WEFT__SYNC_FULL(__sync_fetch_and_sub(__VA_ARGS__))
#define __sync_fetch_and_or(...) WEFT__SYNC_FULL(__sync_fetch_and_or(__VA_ARGS__))
#define __sync_fetch_and_and(...) WEFT__SYNC_FULL(__sync_fetch_and_and(__VA_ARGS__))
#define __sync_fetch_and_xor(...) WEFT__SYNC_FULL(__sync_fetch_and_xor(__VA_ARGS__))
#define __sync_fetch_and_nand(...) WEFT__SYNC_FULL(__sync_fetch_and_nand(__VA_ARGS__))
#define __sync_add_and_fetch(...) WEFT__SYNC_FULL(__sync_add_and_fetch(__VA_ARGS__))
#define __sync_sub_and_fetch(...) WEFT__SYNC_FULL(__sync_sub_and_fetch(__VA_ARGS__))
#define __sync_or_and_fetch(...) WEFT__SYNC_FULL(__sync_or_and_fetch(__VA_ARGS__))
#define __sync_and_and_fetch(...) WEFT__SYNC_FULL(__sync_and_and_fetch(__VA_ARGS__))
#define __sync_xor_and_fetch(...) WEFT__SYNC_FULL(__sync_xor_and_fetch(__VA_ARGS__))
#define __sync_nand_and_fetch(...) WEFT__SYNC_FULL(__sync_nand_and_fetch(__VA_ARGS__))
#define __sync_val_compare_and_swap(...) \
	WEFT__SYNC_FULL(__sync_val_compare_and_swap(__VA_ARGS__))
#define __sync_bool_compare_and_swap(...) \
	WEFT__SYNC_FULL(__sync_bool_compare_and_swap(__VA_ARGS__))

#endif /* !__ASSEMBLER__ */
#endif /* WEFT_GCC_SYNC_H */
