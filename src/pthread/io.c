/* src/pthread/io.c - input and the calls weft cannot control.
 *
 * weft explores what the threads of one process do; it cannot schedule
 * another process or the data arriving on a pipe, a socket or a terminal.
 * A test thread that makes such a call would hang the exploration or make
 * it irreproducible, so the execution ends there and the test is
 * inconclusive ("unsupported: CALL", with its place) unless a bug is
 * found elsewhere.  Reading regular files, /dev/null, /dev/zero and
 * /dev/full is fine: it cannot block.
 *
 * Standard input is ordinary input, the same in every execution, whatever
 * call reads it (read, fgets, getchar, fread, getline, scanf ...: most of
 * them are libc's own, not interposed, so this works on the descriptor and
 * the stdin stream themselves).  Before the first execution a pipe or FIFO
 * on fd 0 is read to its end (at most 64 MiB) into an anonymous file that
 * becomes fd 0, so that it is a regular file too; every execution then
 * starts with fd 0 at the offset it had at start-up and stdin's buffer,
 * pushed-back characters and end-of-file flag cleared.  A pipe that stays
 * silent for STDIN_WAIT without ending (`sleep 99 | prog`) is waited for
 * no longer: a program that never reads it runs (it waited for ever, past
 * the time limit), and a read of it is inconclusive (unsupported:
 * unterminated stdin).  A terminal stays unsupported. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "pthread/pt.h"
#include "modelled.h"

/* What a read of fd would wait for: "a pipe", "a socket", "a terminal" or
 * "a device", or NULL when it cannot block.  Of the character devices,
 * /dev/null, /dev/zero and /dev/full (memory devices, major 1) answer at
 * once and always the same. */
const char *weft__pt_blocking_source(int fd)
{
	struct stat st;
	unsigned minor_no;

	if (fd < 0 || fstat(fd, &st) != 0)
		return NULL;
	if (S_ISFIFO(st.st_mode))
		return "a pipe";
	if (S_ISSOCK(st.st_mode))
		return "a socket";
	/* eventfd, timerfd, signalfd: a read waits for another thread's
	 * write or a timer, which no step of weft's is (it blocked for real
	 * until the time limit, 65 s). */
	if ((st.st_mode & S_IFMT) == 0)
		return "an event, timer or signal descriptor";
	if (!S_ISCHR(st.st_mode))
		return NULL;
	if (isatty(fd))
		return "a terminal";
	minor_no = minor(st.st_rdev);
	if (major(st.st_rdev) == 1 &&
	    (minor_no == 3 || minor_no == 5 || minor_no == 7))
		return NULL;
	return "a device";
}

/* The reason names the call alone (the report's verdict line shows it,
 * in a field of 31 characters); the message says what it read from. */
static _Noreturn void refuse(const char *call, const char *from,
			     const struct weft_loc *loc)
{
	/* The reason names the call already ("unsupported: poll() without
	 * a timeout"): the message does not say it again (it did, "poll()
	 * without a timeout: poll() without a timeout: ..."), only where it
	 * reads from. */
	weft__limit(weft__internf("unsupported: %s", call), loc,
		    "%s%s%sweft models pipes, socket pairs and eventfds "
		    "only between the program's own threads, made while the "
		    "test runs, not sockets, terminals or another process; "
		    "give the program its input in a file or in memory%s",
		    from ? "from " : "", from ? from : "", from ? ": " : "",
		    from ? " (standard input redirected from a file or a "
			   "pipe is fine: weft gives every execution the same)"
			 : "");
}

/* ---- standard input --------------------------------------------------- */

#define INPUT_CAP ((off_t)64 << 20)
/* How long a silent pipe on fd 0 is waited for before the first
 * execution, in ms. */
#define STDIN_WAIT 5000

static struct {
	bool rewind;          /* fd 0 is a file each execution rewinds */
	bool open_ended;      /* fd 0 is a pipe that did not end */
	const char *refusal;  /* why every execution is inconclusive, or NULL */
	const char *reason;   /* and the reason's short form */
	off_t start;          /* its offset at start-up */
	dev_t dev;            /* which file it is: a program that put */
	ino_t ino;            /* another one on fd 0 is left alone */
	pid_t owner;          /* the process that gave fd 0 its own offset */
} In;

/* A read of standard input that never ended: the input every execution
 * would read is unknown (more may come, or none). */
static _Noreturn void open_ended(const char *call,
				 const struct weft_loc *loc)
{
	weft__limit("unsupported: unterminated stdin", loc,
		    "%s of standard input, a pipe that neither ended nor "
		    "gave anything for %d s before the first execution: weft "
		    "gives every execution the same input, read to its end; "
		    "close the pipe or redirect it from a file", call,
		    STDIN_WAIT / 1000);
}

/* Ends the execution as inconclusive when reading fd could block (a
 * pipe, socket, terminal or device other than the memory ones); the
 * readers in input.c ask before each read. */
void weft__pt_input_check(int fd, const char *call, const struct weft_loc *loc)
{
	int e = errno;
	/* fstat and isatty set errno (ENOTTY for /dev/null): the program's
	 * is as it left it. */
	const char *from = weft__pt_blocking_source(fd);

	if (fd == 0 && In.open_ended)
		open_ended(call, loc);
	if (from)
		refuse(call, from, loc);
	errno = e;
}

static bool write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		p += w;
		n -= (size_t)w;
	}
	return true;
}

/* A file that lives only as long as its descriptors. */
static int anonymous_file(void)
{
	int fd = memfd_create("weft-stdin", MFD_CLOEXEC);
	FILE *f;

	if (fd >= 0)
		return fd;
	if (!(f = tmpfile()))
		return -1;
	fd = fcntl(fileno(f), F_DUPFD_CLOEXEC, 3);
	fclose(f);
	return fd;
}

/* Reads the pipe on fd 0 to its end into an anonymous file and puts that
 * on fd 0.  The writer may be slow, or may never close the pipe (a
 * program that does not read its input, started by a harness that keeps
 * the pipe open, or `sleep 99 | prog`, which weft waited for past its
 * time limit): after STDIN_WAIT without data or end, one line on stderr
 * says so, and the pipe stays fd 0, open-ended; a read of it in an
 * execution is refused (weft__pt_input_check). */
static void capture_pipe(void)
{
	/* Static: the parent has no execution's pool to intern text in. */
	static char buf[1 << 16], why[200];
	off_t total = 0;
	int fd = anonymous_file();

	In.reason = "unsupported: stdin pipe";
	if (fd < 0) {
		snprintf(why, sizeof why, "standard input is a pipe, and weft "
					  "could not make a file to keep it "
					  "in for every execution (%s)",
			 strerror(errno));
		In.refusal = why;
		return;
	}
	for (;;) {
		struct pollfd pf = { .fd = 0, .events = POLLIN };
		ssize_t r;
		int ready = poll(&pf, 1, STDIN_WAIT);

		if (ready < 0 && errno == EINTR)
			continue;
		if (ready == 0) {
			fprintf(stderr, "weft: standard input (a pipe) gave "
					"nothing for %d s and did not end: "
					"going on without it (a read of it "
					"is inconclusive); run the program "
					"with </dev/null if it does not read "
					"it\n", STDIN_WAIT / 1000);
			In.open_ended = true;
			In.reason = NULL;
			close(fd);
			return;
		}
		r = read(0, buf, sizeof buf);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		total += r;
		if (total > INPUT_CAP) {
			In.reason = "unsupported: stdin > 64 MiB";
			In.refusal = "standard input is a pipe that carries "
				     "more than 64 MiB, the most weft keeps "
				     "to give every execution the same "
				     "input; redirect it from a file "
				     "(< FILE), which is read in place";
			close(fd);
			return;
		}
		if (!write_all(fd, buf, (size_t)r)) {
			snprintf(why, sizeof why, "weft could not keep "
						  "standard input, a pipe, "
						  "for every execution (%s)",
				 strerror(errno));
			In.refusal = why;
			close(fd);
			return;
		}
	}
	if (lseek(fd, 0, SEEK_SET) == 0)
		dup2(fd, 0);
	close(fd);
}

/* Called once in the parent, before any worker starts, for a program whose
 * main is the test: makes fd 0 a file every execution can read from the
 * same place.  /dev/null, a terminal and a socket are left as they are. */
void weft__pt_stdin_prepare(void)
{
	struct stat st;
	off_t at;

	if (fstat(0, &st) != 0)
		return;
	if (S_ISFIFO(st.st_mode)) {
		capture_pipe();
		if (In.refusal || fstat(0, &st) != 0)
			return;
	}
	if (!S_ISREG(st.st_mode))
		return;
	/* The stream's position, in case a constructor read through it. */
	if ((at = ftello(stdin)) < 0 && (at = lseek(0, 0, SEEK_CUR)) < 0)
		return;
	In.rewind = true;
	In.start = at;
	In.dev = st.st_dev;
	In.ino = st.st_ino;
}

/* A worker's fd 0 shares its offset with the parent's and with the other
 * workers' (--jobs): reopened, it has its own. */
static void own_offset(void)
{
	int fd = open("/proc/self/fd/0", O_RDONLY | O_CLOEXEC);
	struct stat st;

	In.owner = getpid();
	if (fd < 0)
		return;
	if (fstat(fd, &st) == 0 && st.st_dev == In.dev && st.st_ino == In.ino)
		dup2(fd, 0);
	close(fd);
}

/* Each execution reads standard input from the start.  __fpurge drops
 * what stdin buffered and had pushed back, fflush then forgets the offset
 * the stream had cached, so its next read starts where fd 0 is put. */
void weft__pthread_io_begin(void)
{
	struct stat st;

	if (In.refusal)
		weft__limit(In.reason, NULL, "%s", In.refusal);
	if (!In.rewind)
		return;
	if (In.owner != getpid())
		own_offset();
	if (fstat(0, &st) != 0 || st.st_dev != In.dev || st.st_ino != In.ino)
		return;
	__fpurge(stdin);
	fflush(stdin);
	lseek(0, In.start, SEEK_SET);
	clearerr(stdin);
}


/* ---- calls that may block ------------------------------------------------ */

/* A call weft cannot control, refused inside an execution when it would
 * block (when), named at the caller's return address ra, which each
 * wrapper takes before the call: computed in the cold branch, gcc split
 * it into a part of its own shared by the wrappers, whose return address
 * is a wrapper's (the report named libweft.so:0). */
static __attribute__((noinline)) void refuse_at(const char *call, bool when,
						uintptr_t ra)
{
	if (weft__pt_live() && when)
		refuse(call, NULL, weft__pc_loc(ra));
}

/* A wait on descriptors for timeout ms, named by whether it has one:
 * forever when timeout < 0, timed otherwise; none at all (0) polls once
 * and is the C library's. */
static void refuse_wait(const char *forever, const char *timed, int timeout,
			uintptr_t ra)
{
	refuse_at(timeout < 0 ? forever : timed, timeout != 0, ra);
}


/* A wait's timeout in nanoseconds: < 0 for ever, 0 none. */
static long long ms_ns(int ms)
{
	return ms < 0 ? -1 : (long long)ms * 1000000LL;
}

static long long ts_ns(const struct timespec *t)
{
	return !t ? -1 : weft__pt_ts_ns(t);
}

static long long tv_ns(const struct timeval *t)
{
	return !t ? -1 : (long long)t->tv_sec * 1000000000LL +
				 (long long)t->tv_usec * 1000LL;
}

/* A timed select that timed out left no time (Linux writes what is
 * left into *t). */
static int select_done(int r, struct timeval *t)
{
	if (r == 0 && t)
		t->tv_sec = t->tv_usec = 0;
	return r;
}

ssize_t __weft_recv(int fd, void *p, size_t n, int flags)
{
	if (weft__pt_chan(fd))
		return weft__pt_stored(p,
				       weft__pt_chan_read("recv", fd, p, n,
							  flags, NULL, NULL,
							  PT_LOC()),
				       1, PT_RA());
	weft__pt_chan_closed_use(fd, "recv", PT_LOC());
	refuse_at("recv()", true, PT_RA());
	return recv(fd, p, n, flags);
}

ssize_t __weft_recvfrom(int fd, void *p, size_t n, int flags,
			struct sockaddr *a, socklen_t *al)
{
	if (weft__pt_chan(fd))
		return weft__pt_stored(p,
				       weft__pt_chan_read("recvfrom", fd, p, n,
							  flags, a, al,
							  PT_LOC()),
				       1, PT_RA());
	refuse_at("recvfrom()", true, PT_RA());
	return recvfrom(fd, p, n, flags, a, al);
}

/* send and sendto are cancellation points, whatever the descriptor: a
 * request pending acts as the call begins, and one that comes while a
 * channel's write waits for room ends the wait (chan.c). */
ssize_t __weft_send(int fd, const void *p, size_t n, int flags)
{
	weft__pt_cancel_check(PT_LOC());
	if (!weft__pt_chan(fd)) {
		weft__pt_chan_closed_use(fd, "send", PT_LOC());
		return send(fd, p, n, flags);
	}
	weft__race_access(p, n, 0, PT_RA());
	return weft__pt_chan_write("send", fd, p, n, flags, NULL, 0,
				   PT_LOC());
}

ssize_t __weft_sendto(int fd, const void *p, size_t n, int flags,
		      const struct sockaddr *a, socklen_t al)
{
	weft__pt_cancel_check(PT_LOC());
	if (!weft__pt_chan(fd))
		return sendto(fd, p, n, flags, a, al);
	weft__race_access(p, n, 0, PT_RA());
	return weft__pt_chan_write("sendto", fd, p, n, flags, a, al,
				   PT_LOC());
}

int __weft_accept(int fd, struct sockaddr *a, socklen_t *al)
{
	refuse_at("accept()", true, PT_RA());
	return accept(fd, a, al);
}

int __weft_poll(struct pollfd *f, nfds_t n, int timeout)
{
	int r = weft__pt_chan_poll(f, n, ms_ns(timeout), "poll", PT_LOC());

	if (r != -2)
		return r;
	refuse_wait("poll() without a timeout", "poll() with a timeout",
		    timeout, PT_RA());
	weft__pt_cancel_check(PT_LOC());
	return poll(f, n, timeout);
}

int __weft_select(int n, fd_set *r, fd_set *w, fd_set *e, struct timeval *t)
{
	int k = weft__pt_chan_select(n, r, w, e, tv_ns(t), "select",
				     PT_LOC());

	if (k != -2)
		return select_done(k, t);
	refuse_at("select()", true, PT_RA());
	return select(n, r, w, e, t);
}

/* What _FORTIFY_SOURCE makes of poll, recv and recvfrom, and the waits
 * weft does not model either: without them the call blocked for real, its
 * timeout or the data's arrival never explored, and the program was
 * verified.  (A buffer smaller than the size given is the checked
 * call's own failure.) */
int __poll_chk(struct pollfd *f, nfds_t n, int timeout, size_t flen);
ssize_t __recv_chk(int fd, void *p, size_t n, size_t plen, int flags);
ssize_t __recvfrom_chk(int fd, void *p, size_t n, size_t plen, int flags,
		       struct sockaddr *a, socklen_t *al);

int __weft___poll_chk(struct pollfd *f, nfds_t n, int timeout, size_t flen)
{
	int r = flen / sizeof *f < n ? -2
				     : weft__pt_chan_poll(f, n, ms_ns(timeout),
							  "poll", PT_LOC());

	if (r != -2)
		return r;
	refuse_wait("poll() without a timeout", "poll() with a timeout",
		    timeout, PT_RA());
	weft__pt_cancel_check(PT_LOC());
	return __poll_chk(f, n, timeout, flen);
}

ssize_t __weft___recv_chk(int fd, void *p, size_t n, size_t plen, int flags)
{
	if (n <= plen && weft__pt_chan(fd))
		return weft__pt_stored(p,
				       weft__pt_chan_read("recv", fd, p, n,
							  flags, NULL, NULL,
							  PT_LOC()),
				       1, PT_RA());
	refuse_at("recv()", true, PT_RA());
	return __recv_chk(fd, p, n, plen, flags);
}

ssize_t __weft___recvfrom_chk(int fd, void *p, size_t n, size_t plen,
			      int flags, struct sockaddr *a, socklen_t *al)
{
	if (n <= plen && weft__pt_chan(fd))
		return weft__pt_stored(p,
				       weft__pt_chan_read("recvfrom", fd, p, n,
							  flags, a, al,
							  PT_LOC()),
				       1, PT_RA());
	refuse_at("recvfrom()", true, PT_RA());
	return __recvfrom_chk(fd, p, n, plen, flags, a, al);
}

int __weft_ppoll(struct pollfd *f, nfds_t n, const struct timespec *t,
		 const sigset_t *mask)
{
	int r = weft__pt_chan_poll(f, n, ts_ns(t), "ppoll", PT_LOC());

	if (r != -2)
		return r;
	/* (A NULL timeout waits for ever; it was named "with a timeout".) */
	refuse_wait("ppoll() without a timeout", "ppoll() with a timeout",
		    !t ? -1 : t->tv_sec || t->tv_nsec, PT_RA());
	weft__pt_cancel_check(PT_LOC());
	return ppoll(f, n, t, mask);
}

int __weft_pselect(int n, fd_set *r, fd_set *w, fd_set *e,
		   const struct timespec *t, const sigset_t *mask)
{
	int k = weft__pt_chan_select(n, r, w, e, ts_ns(t), "pselect",
				     PT_LOC());

	if (k != -2)
		return k;
	refuse_at("pselect()", true, PT_RA());
	return pselect(n, r, w, e, t, mask);
}

int __weft_epoll_wait(int epfd, struct epoll_event *ev, int max, int timeout)
{
	int r = weft__pt_chan_epoll(epfd, ev, max, ms_ns(timeout),
				    "epoll_wait", PT_LOC());

	if (r != -2)
		return r;
	refuse_wait("epoll_wait() without a timeout",
		    "epoll_wait() with a timeout", timeout, PT_RA());
	weft__pt_cancel_check(PT_LOC());
	return epoll_wait(epfd, ev, max, timeout);
}

int __weft_epoll_pwait(int epfd, struct epoll_event *ev, int max,
		       int timeout, const sigset_t *mask)
{
	int r = weft__pt_chan_epoll(epfd, ev, max, ms_ns(timeout),
				    "epoll_pwait", PT_LOC());

	if (r != -2)
		return r;
	refuse_wait("epoll_pwait() without a timeout",
		    "epoll_pwait() with a timeout", timeout, PT_RA());
	weft__pt_cancel_check(PT_LOC());
	return epoll_pwait(epfd, ev, max, timeout, mask);
}
