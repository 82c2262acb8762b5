/* src/pthread/chan_io.c - the other calls on a descriptor that may be one
 * of the program's in-process channels (chan.c): scatter and gather
 * (readv, writev), messages (recvmsg, sendmsg), copies (fcntl's
 * F_DUPFD; dup, dup2 and dup3 are files.c's), the descriptor's flags
 * (fcntl's F_SETFL, ioctl) and shutdown.
 *
 * On a channel each is a step, as read and write are: left to the C
 * library, a writev put bytes in a pipe without a step (a reader's wait
 * ended with nothing the explorer could order), a copy made with F_DUPFD
 * was no channel, and a shutdown or an O_NONBLOCK set by another thread
 * changed what a blocked call waits for unseen (a probe of the change
 * found each as a false `verified`).  sendfile and splice, which move
 * bytes between descriptors inside the kernel, and messages that carry
 * control data (descriptors passed with SCM_RIGHTS) are unsupported on a
 * channel.  Off a channel every call is the C library's. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include "pthread/pt.h"
#include "modelled.h"

/* ---- scatter and gather ----------------------------------------------- */

static size_t iov_len(const struct iovec *v, int cnt)
{
	size_t n = 0;

	for (int i = 0; i < cnt; i++)
		n += v[i].iov_len;
	return n;
}

/* The bytes of v in one buffer (of at least one byte), each part checked
 * as the program's read at ra. */
static char *gather(const struct iovec *v, int cnt, size_t n, uintptr_t ra)
{
	char *buf = malloc(n ? n : 1), *q = buf;

	if (!buf)
		return NULL;
	for (int i = 0; i < cnt; i++) {
		weft__race_access(v[i].iov_base, v[i].iov_len, 0, ra);
		memcpy(q, v[i].iov_base, v[i].iov_len);
		q += v[i].iov_len;
	}
	return buf;
}

/* got bytes of buf spread over v, each part checked as a write at ra. */
static void scatter(const struct iovec *v, int cnt, const char *buf,
		    ssize_t got, uintptr_t ra)
{
	size_t left = got > 0 ? (size_t)got : 0;

	for (int i = 0; i < cnt && left; i++) {
		size_t k = v[i].iov_len < left ? v[i].iov_len : left;
		weft__race_access(v[i].iov_base, k, WEFT__RACE_WRITE, ra);
		memcpy(v[i].iov_base, buf, k);
		buf += k;
		left -= k;
	}
}

static ssize_t vec_write(const char *call, int fd, const struct iovec *v,
			 int cnt, int flags, uintptr_t ra,
			 const struct weft_loc *loc)
{
	size_t n = iov_len(v, cnt);
	char *buf = gather(v, cnt, n, ra);
	ssize_t r;

	if (!buf) {
		errno = ENOMEM;
		return -1;
	}
	r = weft__pt_chan_write(call, fd, buf, n, flags, NULL, 0, loc);
	free(buf);
	return r;
}

static ssize_t vec_read(const char *call, int fd, const struct iovec *v,
			int cnt, int flags, uintptr_t ra,
			const struct weft_loc *loc)
{
	size_t n = iov_len(v, cnt);
	char *buf = malloc(n ? n : 1);
	ssize_t r;

	if (!buf) {
		errno = ENOMEM;
		return -1;
	}
	r = weft__pt_chan_read(call, fd, buf, n, flags, NULL, NULL, loc);
	scatter(v, cnt, buf, r, ra);
	free(buf);
	return r;
}

/* writev, sendmsg and readv are cancellation points, as write and read
 * are (a channel's read looks for a request itself). */
ssize_t __weft_writev(int fd, const struct iovec *v, int cnt)
{
	if (!weft__pt_chan(fd) || cnt < 0 || cnt > IOV_MAX)
		return weft__pt_file_writev(fd, v, cnt, PT_RA());
	weft__pt_cancel_check(PT_LOC());
	return vec_write("writev", fd, v, cnt, -1, PT_RA(), PT_LOC());
}

ssize_t __weft_readv(int fd, const struct iovec *v, int cnt)
{
	if (!weft__pt_chan(fd) || cnt < 0 || cnt > IOV_MAX)
		return weft__pt_file_readv(fd, v, cnt, PT_RA());
	return vec_read("readv", fd, v, cnt, -1, PT_RA(), PT_LOC());
}

/* ---- messages ---------------------------------------------------------- */

static _Noreturn void no_control(const char *call, int fd,
				 const struct weft_loc *loc)
{
	weft__limit(weft__internf("unsupported: %s()", call), loc,
		    "%s with control data (descriptors or credentials) on "
		    "fd %d, a channel between the program's threads: weft "
		    "models the bytes of a socket pair, not what "
		    "SCM_RIGHTS passes", call, fd);
}

ssize_t __weft_sendmsg(int fd, const struct msghdr *m, int flags)
{
	weft__pt_cancel_check(PT_LOC());
	if (!weft__pt_chan(fd) || !m || m->msg_iovlen > IOV_MAX)
		return sendmsg(fd, m, flags);
	if (m->msg_controllen)
		no_control("sendmsg", fd, PT_LOC());
	return vec_write("sendmsg", fd, m->msg_iov, (int)m->msg_iovlen,
			 flags, PT_RA(), PT_LOC());
}

ssize_t __weft_recvmsg(int fd, struct msghdr *m, int flags)
{
	ssize_t r;

	if (!weft__pt_chan(fd) || !m || m->msg_iovlen > IOV_MAX)
		return recvmsg(fd, m, flags);
	if (flags & MSG_ERRQUEUE)
		no_control("recvmsg", fd, PT_LOC());
	r = vec_read("recvmsg", fd, m->msg_iov, (int)m->msg_iovlen, flags,
		     PT_RA(), PT_LOC());
	/* A socket pair's bytes carry no address and, as weft passes none,
	 * no control data. */
	m->msg_namelen = 0;
	m->msg_controllen = 0;
	m->msg_flags = 0;
	return r;
}

/* Bytes moved inside the kernel, by no step of weft's. */
void weft__pt_no_kernel_copy(const char *call, int a, int b,
			     const struct weft_loc *loc)
{
	if (weft__pt_chan(a) || weft__pt_chan(b))
		weft__limit(weft__internf("unsupported: %s()", call), loc,
			    "%s to or from a pipe, socket pair or eventfd "
			    "between the program's threads: the kernel moves "
			    "the bytes by no step weft can order; use read "
			    "and write", call);
}

/* Between files, a read of one and a write of the other (fs.c). */
ssize_t __weft_sendfile(int out, int in, off_t *off, size_t n)
{
	weft__pt_no_kernel_copy("sendfile", out, in, PT_LOC());
	weft__pt_fs_step("sendfile()", weft__pt_file_obj(in), false, PT_RA());
	weft__pt_fs_step("sendfile()", weft__pt_file_obj(out), true, PT_RA());
	return sendfile(out, in, off, n);
}

ssize_t __weft_splice(int in, loff_t *ioff, int out, loff_t *ooff, size_t n,
		      unsigned flags)
{
	weft__pt_no_kernel_copy("splice", in, out, PT_LOC());
	return splice(in, ioff, out, ooff, n, flags);
}

/* ---- copies, flags and shutdown --------------------------------------- */

/* fcntl: a copy (F_DUPFD, F_DUPFD_CLOEXEC) is a descriptor of the
 * execution's, a channel's copy a channel; a change of a channel's
 * flags or pipe size is a step. */
static int fcntl_as(int fd, int cmd, void *arg, const struct weft_loc *loc)
{
	int r;

	if (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC) {
		r = weft__pt_keep_fd(fcntl(fd, cmd, (int)(intptr_t)arg));
		weft__pt_chan_dup(fd, r);
		return r;
	}
	if (cmd == F_SETFL || cmd == F_SETPIPE_SZ)
		weft__pt_chan_change("fcntl", fd, false, loc);
	return fcntl(fd, cmd, arg);
}

/* The third argument, whatever its type: glibc's fcntl reads it as a
 * pointer too. */
int __weft_fcntl(int fd, int cmd, ...)
{
	va_list ap;
	void *arg;

	va_start(ap, cmd);
	arg = va_arg(ap, void *);
	va_end(ap);
	/* A cancellation point where it waits for a lock (POSIX's
	 * F_SETLKW; glibc's SYSCALL_CANCEL covers F_OFD_SETLKW too), acting
	 * on a request pending as it begins. */
	if (cmd == F_SETLKW || cmd == F_OFD_SETLKW)
		weft__pt_cancel_check(PT_LOC());
	return fcntl_as(fd, cmd, arg, PT_LOC());
}

/* fcntl under _FILE_OFFSET_BITS=64 (glibc's headers rename it). */
int __weft_fcntl64(int fd, int cmd, ...) __attribute__((alias("__weft_fcntl")));

/* ioctl on a channel (FIONBIO sets its blocking mode, FIONREAD reads its
 * count): a step. */
int __weft_ioctl(int fd, unsigned long req, ...)
{
	va_list ap;
	void *arg;

	va_start(ap, req);
	arg = va_arg(ap, void *);
	va_end(ap);
	weft__pt_chan_change("ioctl", fd, false, PT_LOC());
	return ioctl(fd, req, arg);
}

/* A shutdown of a socket pair's end: its peer's reads see the end, as
 * after a close. */
int __weft_shutdown(int fd, int how)
{
	weft__pt_chan_change("shutdown", fd, how != SHUT_RD, PT_LOC());
	return shutdown(fd, how);
}
