/* src/pthread/syscall.c - raw futex waits, which weft cannot model.
 *
 * libstdc++ waits for a std::future, std::atomic::wait and C++20's
 * latches and semaphores with syscall(SYS_futex, ...) made from inside
 * libstdc++.so, where weft-cc's renaming does not reach.  A test thread is
 * a fiber: a real futex wait would block the one OS thread every fiber runs
 * on, and the execution would end only at the time limit, a minute later,
 * as a hang.  So syscall() is interposed: during an execution a futex wait
 * ends it at once as inconclusive, naming the call; everything else (a
 * futex wake included) goes to the C library's syscall().  Does not block
 * by itself. */
#include <dlfcn.h>
#include <linux/futex.h>
#include <stdarg.h>
#include <stdbool.h>
#include <sys/syscall.h>

#include "pthread/pt.h"

/* Whether a futex operation may block (a wake never does: with no real
 * waiter it wakes no one, which is what weft's fibers need). */
static bool futex_waits(long op)
{
	switch (op & FUTEX_CMD_MASK) {
	case FUTEX_WAKE:
	case FUTEX_WAKE_BITSET:
	case FUTEX_WAKE_OP:
		return false;
	default:
		return true;
	}
}

long syscall(long number, ...)
{
	static long (*real)(long, ...);
	long a[6];
	va_list ap;

	va_start(ap, number);
	for (int i = 0; i < 6; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);
	if (number == SYS_futex && futex_waits(a[1]) && weft__pt_live())
		weft__limit("unsupported: futex", PT_LOC(),
			    "a raw futex call (std::future, std::atomic::wait, "
			    "a C++20 latch or semaphore, or the program's own "
			    "futex) is not modelled by weft");
	if (!real)
		*(void **)&real = dlsym(RTLD_NEXT, "syscall");
	return real(number, a[0], a[1], a[2], a[3], a[4], a[5]);
}
