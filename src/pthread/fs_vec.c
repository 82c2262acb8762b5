/* src/pthread/fs_vec.c - the other calls that move a regular file's
 * bytes, as steps on its contents (fs.c), with the memory they read or
 * fill checked as any access is: the vectored reads and writes on a
 * descriptor that is no channel between the program's threads (chan_io.c
 * handles those), their positioned forms, dprintf, and the calls that
 * change a file without a buffer (copy_file_range, fallocate).
 *
 * Each was a plain call of the C library: two threads appending to a log
 * with lseek and writev, or with dprintf, lost a record in 6 of 2,000
 * native runs and were verified (a probe), where the same program with
 * write() was found.  A write to standard output or error while weft
 * keeps them goes to the execution's output (output.c), as a write()
 * does.
 *
 * Cancellation points, as POSIX makes readv, writev, pread and pwrite
 * (and glibc their vector forms, and dprintf through write).  Scheduling
 * points only where another thread could run (weft__pt_point_needed);
 * none blocks. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/uio.h>
#include <unistd.h>

#include "pthread/pt.h"
#include "detect/race.h"
#include "modelled.h"

/* The memory of an I/O vector: read by a write (cnt entries), written by
 * a read (the first got bytes). */
static void vec_read_access(const struct iovec *v, int cnt, uintptr_t ra)
{
	for (int i = 0; v && i < cnt; i++)
		weft__race_access(v[i].iov_base, v[i].iov_len, 0, ra);
}

static ssize_t vec_stored(const struct iovec *v, int cnt, ssize_t got,
			  uintptr_t ra)
{
	size_t left = got > 0 ? (size_t)got : 0;

	for (int i = 0; v && i < cnt && left; i++) {
		size_t k = v[i].iov_len < left ? v[i].iov_len : left;

		weft__race_access(v[i].iov_base, k, WEFT__RACE_WRITE, ra);
		left -= k;
	}
	return got;
}

/* How a vectored call positions: at the descriptor's offset (readv,
 * writev), or at an offset, with pwritev2's flags (-1: at the
 * descriptor's offset, but with the flags). */
enum { AT_FD, AT_OFF, AT_OFF2 };

/* A write of the vector to fd.  Out of range (a negative offset, a bad
 * count) the C library answers, as it does to a channel's positioned
 * write (ESPIPE). */
static ssize_t vec_out(const char *call, int fd, const struct iovec *v,
		       int cnt, int how, off_t off, int flags, uintptr_t ra)
{
	ssize_t n = 0;

	weft__pt_cancel_check(weft__pc_loc(ra));
	vec_read_access(v, cnt, ra);
	weft__pt_chan_closed_use(fd, call, weft__pc_loc(ra));
	/* What weft keeps of standard output and error has no offset: a
	 * positioned write there is its bytes, as a terminal's would be
	 * (printed to the terminal, they would repeat once per
	 * execution). */
	if (weft__pt_output_fd_captured(fd) && cnt >= 0 && cnt <= IOV_MAX &&
	    (how == AT_FD || off >= (how == AT_OFF2 ? -1 : 0))) {
		for (int i = 0; i < cnt; i++) {
			weft__pt_output(fd, v[i].iov_base, v[i].iov_len);
			n += (ssize_t)v[i].iov_len;
		}
		return n;
	}
	weft__pt_fs_step(call, weft__pt_file_obj(fd), true, ra);
	if (how == AT_FD)
		return writev(fd, v, cnt);
	return how == AT_OFF2 ? pwritev2(fd, v, cnt, off, flags)
			      : pwritev(fd, v, cnt, off);
}

/* A read of fd into the vector. */
static ssize_t vec_in(const char *call, int fd, const struct iovec *v,
		      int cnt, int how, off_t off, int flags, uintptr_t ra)
{
	ssize_t got;

	weft__pt_fd_read_point(call, fd, weft__pc_loc(ra));
	if (how == AT_FD)
		got = readv(fd, v, cnt);
	else if (how == AT_OFF2)
		got = preadv2(fd, v, cnt, off, flags);
	else
		got = preadv(fd, v, cnt, off);
	return vec_stored(v, cnt, got, ra);
}

ssize_t weft__pt_file_writev(int fd, const struct iovec *v, int cnt,
			     uintptr_t ra)
{
	return vec_out("writev()", fd, v, cnt, AT_FD, 0, 0, ra);
}

ssize_t weft__pt_file_readv(int fd, const struct iovec *v, int cnt,
			    uintptr_t ra)
{
	return vec_in("readv()", fd, v, cnt, AT_FD, 0, 0, ra);
}

ssize_t __weft_pwritev(int fd, const struct iovec *v, int cnt, off_t off)
{
	return vec_out("pwritev()", fd, v, cnt, AT_OFF, off, 0, PT_RA());
}

ssize_t __weft_pwritev2(int fd, const struct iovec *v, int cnt, off_t off,
			int flags)
{
	return vec_out("pwritev2()", fd, v, cnt, AT_OFF2, off, flags, PT_RA());
}

ssize_t __weft_preadv(int fd, const struct iovec *v, int cnt, off_t off)
{
	return vec_in("preadv()", fd, v, cnt, AT_OFF, off, 0, PT_RA());
}

ssize_t __weft_preadv2(int fd, const struct iovec *v, int cnt, off_t off,
		       int flags)
{
	return vec_in("preadv2()", fd, v, cnt, AT_OFF2, off, flags, PT_RA());
}

/* dprintf writes the formatted text with write(): to a channel between
 * the program's threads as write() does (chan.c), to what weft keeps of
 * standard output and error as output, to a file as a step on it.  flag:
 * the _FORTIFY_SOURCE level of the __dprintf_chk forms (0: none), whose
 * format checks apply to what weft keeps (output.c). */
static int vdprintf_at(int fd, int flag, const char *fmt, va_list ap,
		       uintptr_t ra)
{
	const struct weft_loc *loc = weft__pc_loc(ra);
	va_list aq;
	char *buf;
	int n;

	weft__pt_cancel_check(loc);
	va_copy(aq, ap);
	weft__pt_format_access(fmt, aq, ra);
	va_end(aq);
	if (weft__pt_chan(fd)) {
		n = vasprintf(&buf, fmt, ap);
		if (n < 0)
			return n;
		n = (int)weft__pt_chan_write("dprintf", fd, buf, (size_t)n, -1,
					     NULL, 0, loc);
		free(buf);
		return n;
	}
	weft__pt_chan_closed_use(fd, "dprintf", loc);
	if (weft__pt_output_fd_captured(fd))
		return weft__pt_output_vf(fd, flag, fmt, ap);
	weft__pt_fs_step("dprintf()", weft__pt_file_obj(fd), true, ra);
	return vdprintf(fd, fmt, ap);
}

int __weft_vdprintf(int fd, const char *fmt, va_list ap)
{
	return vdprintf_at(fd, 0, fmt, ap, PT_RA());
}

int __weft___vdprintf_chk(int fd, int flag, const char *fmt, va_list ap)
{
	return vdprintf_at(fd, flag, fmt, ap, PT_RA());
}

int __weft_dprintf(int fd, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vdprintf_at(fd, 0, fmt, ap, PT_RA());
	va_end(ap);
	return n;
}

int __weft___dprintf_chk(int fd, int flag, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vdprintf_at(fd, flag, fmt, ap, PT_RA());
	va_end(ap);
	return n;
}

/* The kernel copies between two files: a read of one, a write of the
 * other (a channel's bytes are refused, chan_io.c's sendfile). */
ssize_t __weft_copy_file_range(int in, off64_t *ioff, int out,
			       off64_t *ooff, size_t n, unsigned flags)
{
	uintptr_t ra = PT_RA();

	weft__pt_no_kernel_copy("copy_file_range", in, out, weft__pc_loc(ra));
	weft__pt_fs_step("copy_file_range()", weft__pt_file_obj(in), false,
			 ra);
	weft__pt_fs_step("copy_file_range()", weft__pt_file_obj(out), true,
			 ra);
	return copy_file_range(in, ioff, out, ooff, n, flags);
}

int __weft_posix_fallocate(int fd, off_t off, off_t len)
{
	weft__pt_fs_step("posix_fallocate()", weft__pt_file_obj(fd), true,
			 PT_RA());
	return posix_fallocate(fd, off, len);
}

int __weft_fallocate(int fd, int mode, off_t off, off_t len)
{
	weft__pt_fs_step("fallocate()", weft__pt_file_obj(fd), true, PT_RA());
	return fallocate(fd, mode, off, len);
}

/* The forms of the large-file interface (_FILE_OFFSET_BITS=64), the same
 * calls on a 64-bit machine. */
ssize_t __weft_pwritev64(int fd, const struct iovec *v, int cnt, off64_t off)
{
	return vec_out("pwritev()", fd, v, cnt, AT_OFF, (off_t)off, 0, PT_RA());
}

ssize_t __weft_pwritev64v2(int fd, const struct iovec *v, int cnt,
			   off64_t off, int flags)
{
	return vec_out("pwritev2()", fd, v, cnt, AT_OFF2, (off_t)off, flags,
		       PT_RA());
}

ssize_t __weft_preadv64(int fd, const struct iovec *v, int cnt, off64_t off)
{
	return vec_in("preadv()", fd, v, cnt, AT_OFF, (off_t)off, 0, PT_RA());
}

ssize_t __weft_preadv64v2(int fd, const struct iovec *v, int cnt,
			  off64_t off, int flags)
{
	return vec_in("preadv2()", fd, v, cnt, AT_OFF2, (off_t)off, flags,
		      PT_RA());
}

int __weft_posix_fallocate64(int fd, off64_t off, off64_t len)
{
	weft__pt_fs_step("posix_fallocate()", weft__pt_file_obj(fd), true,
			 PT_RA());
	return posix_fallocate64(fd, off, len);
}

int __weft_fallocate64(int fd, int mode, off64_t off, off64_t len)
{
	weft__pt_fs_step("fallocate()", weft__pt_file_obj(fd), true, PT_RA());
	return fallocate64(fd, mode, off, len);
}
