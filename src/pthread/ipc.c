/* src/pthread/ipc.c - the kernel's channels between the threads of one
 * process that weft does not model: POSIX message queues (mq_open), System
 * V semaphore sets (semget, semop, semtimedop) and message queues (msgget,
 * msgsnd, msgrcv), and named pipes made during the test (mkfifo).
 *
 * Passed through, a blocking receive or semop blocked the one operating
 * system thread every test thread runs on, until the time limit (60 s),
 * whose message then blamed a long loop or blocking I/O; a non-blocking
 * receive was no scheduling point, so one order of send and receive was
 * explored and a program that fails whenever the receiver goes first was
 * verified (a helper's probe of ordinary pthread programs).  Inside an
 * execution each is therefore refused at the program's call,
 * inconclusive (unsupported: CALL); outside one (before main, in a
 * process the program starts) it is the C library's. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>

#include "pthread/pt.h"
#include "modelled.h"

static __attribute__((noinline, noreturn)) void
refuse(const char *call, const char *what, uintptr_t ra)
{
	weft__limit(weft__internf("unsupported: %s", call), weft__pc_loc(ra),
		    "%s, a channel of the kernel's between threads, which "
		    "weft does not model: a receive would block every thread "
		    "weft runs, and no order of its sends and receives would "
		    "be explored", what);
}

mqd_t __weft_mq_open(const char *name, int oflag, ...)
{
	uintptr_t ra = PT_RA();
	mode_t mode = 0;
	struct mq_attr *attr = NULL;

	if (oflag & O_CREAT) {
		va_list ap;
		va_start(ap, oflag);
		mode = (mode_t)va_arg(ap, unsigned);
		attr = va_arg(ap, struct mq_attr *);
		va_end(ap);
	}
	if (weft__pt_live())
		refuse("mq_open", "a POSIX message queue", ra);
	return (oflag & O_CREAT) ? mq_open(name, oflag, mode, attr)
				 : mq_open(name, oflag);
}

/* Refused where the set is made too, so that a refused test leaves no
 * set behind in the kernel (they outlive the process). */
int __weft_semget(key_t key, int n, int flags)
{
	uintptr_t ra = PT_RA();

	if (weft__pt_live())
		refuse("semget", "a System V semaphore set", ra);
	return semget(key, n, flags);
}

int __weft_msgget(key_t key, int flags)
{
	uintptr_t ra = PT_RA();

	if (weft__pt_live())
		refuse("msgget", "a System V message queue", ra);
	return msgget(key, flags);
}

int __weft_semop(int id, struct sembuf *ops, size_t n)
{
	uintptr_t ra = PT_RA();

	if (weft__pt_live())
		refuse("semop", "a System V semaphore set", ra);
	return semop(id, ops, n);
}

int __weft_semtimedop(int id, struct sembuf *ops, size_t n,
		      const struct timespec *timeout)
{
	uintptr_t ra = PT_RA();

	if (weft__pt_live())
		refuse("semtimedop", "a System V semaphore set", ra);
	return semtimedop(id, ops, n, timeout);
}

int __weft_msgsnd(int id, const void *msg, size_t n, int flags)
{
	uintptr_t ra = PT_RA();

	if (weft__pt_live())
		refuse("msgsnd", "a System V message queue", ra);
	return msgsnd(id, msg, n, flags);
}

ssize_t __weft_msgrcv(int id, void *msg, size_t n, long type, int flags)
{
	uintptr_t ra = PT_RA();

	if (weft__pt_live())
		refuse("msgrcv", "a System V message queue", ra);
	return msgrcv(id, msg, n, type, flags);
}

int __weft_mkfifo(const char *path, mode_t mode)
{
	uintptr_t ra = PT_RA();

	if (weft__pt_live())
		refuse("mkfifo", "a named pipe made during the test", ra);
	return mkfifo(path, mode);
}

int __weft_mkfifoat(int dir, const char *path, mode_t mode)
{
	uintptr_t ra = PT_RA();

	if (weft__pt_live())
		refuse("mkfifoat", "a named pipe made during the test", ra);
	return mkfifoat(dir, path, mode);
}
