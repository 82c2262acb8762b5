/* src/pthread/cancel_calls.c - calls weft models only as cancellation
 * points: lockf (F_LOCK), msync, tcdrain, connect, sync_file_range,
 * aio_suspend and the message queues' sends and receives.
 *
 * POSIX requires each to be a cancellation point, and glibc acts on a
 * pending request as each begins (SYSCALL_CANCEL), whatever the call
 * would then do: a worker cancelled in lockf while it holds a mutex ends
 * holding it.  Passed straight to the C library, they never acted on a
 * request in an execution (no request is sent for real), and such a
 * program was verified where natively it hangs (a review).  Each acts on
 * a request pending as it begins (cancel.c), then is the C library's;
 * a wait they begin is not explored, as before. */
#include <aio.h>
#include <fcntl.h>
#include <mqueue.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

#include "pthread/pt.h"
#include "modelled.h"

/* lockf is a point only where it waits for the lock (glibc's F_LOCK is
 * fcntl's F_SETLKW); F_TLOCK, F_ULOCK and F_TEST never wait. */
int __weft_lockf(int fd, int cmd, off_t len)
{
	if (cmd == F_LOCK)
		weft__pt_cancel_check(PT_LOC());
	return lockf(fd, cmd, len);
}

int __weft_lockf64(int fd, int cmd, off64_t len)
{
	if (cmd == F_LOCK)
		weft__pt_cancel_check(PT_LOC());
	return lockf64(fd, cmd, len);
}

int __weft_msync(void *addr, size_t len, int flags)
{
	weft__pt_cancel_check(PT_LOC());
	return msync(addr, len, flags);
}

/* A point whatever the descriptor, a terminal or not (glibc checks
 * before the ioctl that fails with ENOTTY). */
int __weft_tcdrain(int fd)
{
	weft__pt_cancel_check(PT_LOC());
	return tcdrain(fd);
}

int __weft_connect(int fd, const struct sockaddr *a, socklen_t al)
{
	weft__pt_cancel_check(PT_LOC());
	return connect(fd, a, al);
}

/* Not one of POSIX's, but glibc's sync_file_range is SYSCALL_CANCEL. */
int __weft_sync_file_range(int fd, off64_t off, off64_t n, unsigned flags)
{
	weft__pt_cancel_check(PT_LOC());
	return sync_file_range(fd, off, n, flags);
}

int __weft_aio_suspend(const struct aiocb *const list[], int n,
		       const struct timespec *t)
{
	weft__pt_cancel_check(PT_LOC());
	return aio_suspend(list, n, t);
}

/* The message queues: mq_open is refused inside an execution (ipc.c),
 * so these reach a queue opened before one. */
ssize_t __weft_mq_receive(mqd_t q, char *p, size_t n, unsigned *prio)
{
	weft__pt_cancel_check(PT_LOC());
	return mq_receive(q, p, n, prio);
}

ssize_t __weft_mq_timedreceive(mqd_t q, char *p, size_t n, unsigned *prio,
			       const struct timespec *t)
{
	weft__pt_cancel_check(PT_LOC());
	return mq_timedreceive(q, p, n, prio, t);
}

int __weft_mq_send(mqd_t q, const char *p, size_t n, unsigned prio)
{
	weft__pt_cancel_check(PT_LOC());
	return mq_send(q, p, n, prio);
}

int __weft_mq_timedsend(mqd_t q, const char *p, size_t n, unsigned prio,
			const struct timespec *t)
{
	weft__pt_cancel_check(PT_LOC());
	return mq_timedsend(q, p, n, prio, t);
}
