/* src/pthread/syscall.c - syscall(), for its futex and membarrier calls,
 * and gettid.
 *
 * libstdc++ waits for a std::future, std::atomic::wait and C++20's
 * latches and semaphores with syscall(SYS_futex, ...) made from inside
 * libstdc++.so, where weft-cc's renaming does not reach.  A test thread is
 * a fiber: a real futex wait would block the one OS thread every fiber
 * runs on (and end as a hang at the time limit, a minute later), and a
 * real wake would reach none of them.  So syscall() is interposed: during
 * an execution a futex call goes to weft's model (futex.c), which blocks
 * a wait as the scheduler's step; every other call goes to the C
 * library's syscall(). */
#include <dlfcn.h>
#include <errno.h>
#include <linux/futex.h>
#include <stdarg.h>
#include <stdbool.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "pthread/pt.h"
#include "tsan/tsan.h"

#ifdef SYS_membarrier
/* membarrier(2)'s commands that make every thread execute a barrier
 * (linux/membarrier.h; spelled out, as older headers lack some). */
#define MB_GLOBAL 1
#define MB_GLOBAL_EXPEDITED 2
#define MB_PRIVATE_EXPEDITED 8
#define MB_PRIVATE_EXPEDITED_SYNC_CORE 32
#define MB_PRIVATE_EXPEDITED_RSEQ 128

/* The kernel's answer, then, when it succeeded, a barrier in every
 * thread (an unregistered process's expedited command fails with EPERM
 * and makes no barrier).  MEMBARRIER_CMD_GLOBAL waits for an RCU grace
 * period of the whole machine, milliseconds per call in every execution:
 * it is answered here, as it always succeeds. */
static long membarrier(long (*real)(long, ...), long a[6], uintptr_t pc)
{
	long r = 0;

	switch (a[0]) {
	case MB_GLOBAL:
		break;
	case MB_GLOBAL_EXPEDITED:
	case MB_PRIVATE_EXPEDITED:
	case MB_PRIVATE_EXPEDITED_SYNC_CORE:
	case MB_PRIVATE_EXPEDITED_RSEQ:
		r = real(SYS_membarrier, a[0], a[1], a[2], a[3], a[4], a[5]);
		break;
	default:
		return real(SYS_membarrier, a[0], a[1], a[2], a[3], a[4],
			    a[5]);
	}
	if (r == 0)
		weft__weak_membarrier(pc);
	return r;
}
#endif

/* A futex call during an execution: the waits, wakes and requeues weft
 * models (futex.c), or inconclusive for the rest (priority inheritance,
 * wake-op), which no waiter of weft's would see. */
static long futex(long a[6], const struct weft_loc *loc)
{
	const uint32_t *word = (const uint32_t *)a[0];
	const struct timespec *ts = (const struct timespec *)a[3];
	clockid_t clk = a[1] & FUTEX_CLOCK_REALTIME ? CLOCK_REALTIME
						   : CLOCK_MONOTONIC;
	long long ns = -1;

	/* FUTEX_WAIT's timeout is relative, FUTEX_WAIT_BITSET's an absolute
	 * time on the clock the flag names; the wakes have no timeout (the
	 * argument's place holds whatever the caller left there). */
	if ((a[1] & FUTEX_CMD_MASK) != FUTEX_WAIT &&
	    (a[1] & FUTEX_CMD_MASK) != FUTEX_WAIT_BITSET)
		ts = NULL;
	if (ts && (ts->tv_sec < 0 || weft__pt_nsec_bad(ts))) {
		errno = EINVAL;
		return -1;
	}
	switch (a[1] & FUTEX_CMD_MASK) {
	case FUTEX_WAIT:
		if (ts)
			ns = weft__pt_ts_ns(ts);
		return weft__pt_futex_wait(word, (uint32_t)a[2],
					   FUTEX_BITSET_MATCH_ANY, ns, loc);
	case FUTEX_WAIT_BITSET: {
		long r;
		/* A deadline too far off to come: an untimed wait. */
		if (ts && !weft__pt_deadline_far(clk, ts)) {
			ns = weft__pt_ns_until(clk, ts);
			ns = ns < 0 ? 0 : ns;
		}
		r = weft__pt_futex_wait(word, (uint32_t)a[2], (uint32_t)a[5],
					ns, loc);
		weft__wait_note(NULL);
		return r;
	}
	case FUTEX_WAKE:
		return weft__pt_futex_wake(word, (int)a[2],
					   FUTEX_BITSET_MATCH_ANY, loc);
	case FUTEX_WAKE_BITSET:
		return weft__pt_futex_wake(word, (int)a[2], (uint32_t)a[5],
					   loc);
	case FUTEX_REQUEUE:
	case FUTEX_CMP_REQUEUE:
		/* The count to move is passed in the timeout's place. */
		return weft__pt_futex_requeue(
			word, (int)a[2], (int)a[3], (const uint32_t *)a[4],
			(a[1] & FUTEX_CMD_MASK) == FUTEX_CMP_REQUEUE,
			(uint32_t)a[5], loc);
	default:
		weft__limit("unsupported: futex", loc,
			    "futex operation %ld (priority inheritance or "
			    "wake-op) is not modelled by weft",
			    a[1] & FUTEX_CMD_MASK);
	}
}

/* The test threads all run on one OS thread, whose id the kernel would
 * give every one of them: a lock that records its owner by gettid() saw
 * its own thread in every other.  Each has one of its own instead: the
 * process id for the test's first thread (as for a process's main
 * thread), the process id plus the thread's number for the others.  The
 * same in every execution, so a replay sees the same ids. */
static pid_t test_tid(void)
{
	int t = weft__self();

	return (pid_t)getpid() + (t > 0 ? t : 0);
}

pid_t gettid(void)
{
	if (weft__pt_live())
		return test_tid();
	return (pid_t)syscall(SYS_gettid);
}

/* The raw calls that make a descriptor (a file, a socket, a kernel
 * object's), whose descriptor an execution leaves open is closed before
 * the next, as open's (files.c) and timerfd_create's (fd_made.c). */
static bool opens_file(long number)
{
	switch (number) {
	case SYS_open:
	case SYS_openat:
	case SYS_creat:
	case SYS_socket:
	case SYS_accept:
	case SYS_accept4:
	case SYS_open_by_handle_at:
	case SYS_timerfd_create:
	case SYS_inotify_init1:
	case SYS_memfd_create:
	case SYS_eventfd2:
#ifdef SYS_pidfd_open
	case SYS_pidfd_open:
#endif
#ifdef SYS_openat2
	case SYS_openat2:
#endif
		return true;
	default:
		return false;
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
	if (number == SYS_futex && weft__pt_live())
		return futex(a, weft__pt_program_loc(PT_RA()));
	if (number == SYS_gettid && weft__pt_live())
		return test_tid();
	/* SIGKILL or a stop sent to the process itself by the raw call, as
	 * by kill (sigmask.c): whichever thread it names, it acts on the
	 * whole process. */
	if ((number == SYS_kill || number == SYS_tgkill) &&
	    a[0] == getpid() && weft__pt_live())
		weft__pt_sig_uncatchable((int)a[number == SYS_kill ? 1 : 2],
					 number == SYS_kill ? "syscall(SYS_kill)"
						: "syscall(SYS_tgkill)",
					 weft__pt_program_loc(PT_RA()));
	if (number == SYS_wait4)
		weft__pt_refuse_wait_syscall("syscall(SYS_wait4)", PT_RA());
	if (number == SYS_waitid)
		weft__pt_refuse_wait_syscall("syscall(SYS_waitid)", PT_RA());
	if (!real)
		*(void **)&real = dlsym(RTLD_NEXT, "syscall");
#ifdef SYS_membarrier
	if (number == SYS_membarrier && weft__pt_live())
		return membarrier(real, a, PT_RA());
#endif
	if (opens_file(number) && weft__pt_live()) {
		long r = real(number, a[0], a[1], a[2], a[3], a[4], a[5]);

		if (r >= 0)
			weft__pt_keep_fd((int)r);
		return r;
	}
	return real(number, a[0], a[1], a[2], a[3], a[4], a[5]);
}
