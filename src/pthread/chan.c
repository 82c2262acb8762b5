/* src/pthread/chan.c - pipes, socket pairs and eventfds between the
 * program's own threads: in-process channels.
 *
 * A pipe (or socket pair, or eventfd) that a test thread made in this
 * execution carries data between the program's own threads only.  The
 * kernel keeps what was written, and what a read gets depends on nothing
 * but the order of the threads' calls, which weft chooses.  So every call
 * on such a descriptor (read, write, recv, send, close, and poll or
 * select over such descriptors) is a scheduling point.  One that would
 * block waits until a poll of the descriptor that does not wait says it
 * would not: data or the end of the file to read, room to write.  A
 * thread waiting for data that no thread will write is then in a
 * deadlock, drawn as one, where the real program hangs (a reader whose
 * writer never closed its end).  Before, any read of a pipe ended the
 * execution as inconclusive, so a self-pipe wake-up made a program
 * untestable.
 *
 * For the explorer, every call on a channel touches one object: any two
 * are ordered, since a poll may wait on several channels at once.  For
 * the race detector, the order is per channel and direction instead, as
 * in the kernel: a write releases the writer's clock with its bytes, and
 * a read acquires what the writes of the bytes it got released (a ring of
 * the last writes' clocks; a read of bytes older than the ring acquires
 * the oldest kept, which orders a little more than it should).  A close
 * releases what a read of the end of the file acquires.  A poll orders
 * nothing: the read after it does.
 *
 * Left out: channels made before the execution (a constructor's pipe,
 * whose contents would carry over from one execution to the next) and
 * stdio streams on a channel (libc's own reads would block for real) stay
 * unsupported (io.c, streams.c).  poll, select and epoll over channels:
 * chan_wait.c. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pthread/pt.h"
#include "modelled.h"

#define CHAN_FDS 1024
#define CHANS 32
#define SEGS 4

enum kind { PIPE, SOCK_STREAM_PAIR, SOCK_DGRAM_PAIR, EVENT };

/* The cumulative clock of the writes whose bytes end before end. */
struct seg {
	uint64_t end;
	int n; /* meaningful entries of clk */
	weft__vclock clk;
};

/* One direction of a channel: bytes written and read so far, and the
 * clocks of the last SEGS writes, oldest at first. */
struct dir {
	uint64_t written, read;
	int first, nseg;
	struct seg seg[SEGS];
};

struct chan {
	enum kind kind;
	struct dir dir[2];
};

/* What a descriptor of the program is: a channel of this execution when
 * exec is the execution's number and chan is not 0 (its index + 1). */
static struct fdrec {
	long exec;
	uint8_t chan, wdir, rdir;
} fds[CHAN_FDS];

static struct chan chans[CHANS];
static long chans_exec = -1;
static int nchans;
static char chan_obj; /* the one object of every channel call */

static struct fdrec *rec(int fd)
{
	if (fd < 0 || fd >= CHAN_FDS || !weft__pt_live())
		return NULL;
	if (!fds[fd].chan || fds[fd].exec != weft__exec_gen())
		return NULL;
	return &fds[fd];
}

bool weft__pt_chan(int fd)
{
	return rec(fd) != NULL;
}

const void *weft__pt_chan_obj(void)
{
	return &chan_obj;
}

static struct chan *chan_of(const struct fdrec *r)
{
	return &chans[r->chan - 1];
}

/* A new channel of this execution: its number, 0 when there are too many
 * (the descriptors are then ordinary ones, unsupported when read). */
static int chan_new(enum kind k)
{
	long e = weft__exec_gen();

	if (chans_exec != e) {
		chans_exec = e;
		nchans = 0;
	}
	if (nchans == CHANS)
		return 0;
	chans[nchans].kind = k;
	for (int d = 0; d < 2; d++)
		chans[nchans].dir[d] = (struct dir){ 0 };
	return ++nchans;
}

static void set_rec(int fd, int ch, int wdir, int rdir)
{
	if (fd >= 0 && fd < CHAN_FDS && ch)
		fds[fd] = (struct fdrec){ .exec = weft__exec_gen(),
					  .chan = (uint8_t)ch,
					  .wdir = (uint8_t)wdir,
					  .rdir = (uint8_t)rdir };
}

/* ---- happens-before --------------------------------------------------- */

/* A write of n bytes (0: a close) by the calling thread: its clock goes
 * with them, and its later accesses are a new epoch, not ordered before
 * what acquires this. */
static void release(const struct fdrec *r, size_t n)
{
	struct dir *d = &chan_of(r)->dir[r->wdir];
	int self = weft__self(), nt = weft__nthreads();
	const uint32_t *vc = weft__vc(self);
	const struct seg *prev =
		d->nseg ? &d->seg[(d->first + d->nseg - 1) % SEGS] : NULL;
	struct seg *s;

	if (d->nseg == SEGS) {
		d->first = (d->first + 1) % SEGS;
		d->nseg--;
	}
	s = &d->seg[(d->first + d->nseg) % SEGS];
	d->nseg++;
	d->written += n;
	/* (The slot reused when the ring is full is the oldest, never
	 * prev, the newest.) */
	for (int i = 0; i < nt; i++) {
		uint32_t a = prev && i < prev->n ? prev->clk[i] : 0;
		s->clk[i] = a > vc[i] ? a : vc[i];
	}
	s->n = nt;
	s->end = d->written;
	weft__vc_tick(self);
}

/* A read that got got bytes (eof: the end of the file) acquires the
 * clock of the write of its last byte, which includes the earlier ones. */
static void acquire(const struct fdrec *r, size_t got, bool eof)
{
	const struct chan *c = chan_of(r);
	struct dir *d = &chan_of(r)->dir[r->rdir];
	uint64_t upto;
	const struct seg *s = NULL;

	/* A datagram or an eventfd's count is read whole, or its rest is
	 * dropped: the read takes everything written so far. */
	if (eof || c->kind == SOCK_DGRAM_PAIR || c->kind == EVENT)
		upto = d->written;
	else
		upto = d->read + got;
	if (upto > d->written)
		upto = d->written;
	d->read = upto;
	if (!d->nseg || (!got && !eof))
		return;
	for (int k = 0; k < d->nseg && !s; k++) {
		const struct seg *t = &d->seg[(d->first + k) % SEGS];
		if (t->end >= upto)
			s = t;
	}
	if (!s)
		s = &d->seg[(d->first + d->nseg - 1) % SEGS];
	weft__vc_acquire(weft__self(), s->clk, s->n);
}

/* ---- the scheduling points -------------------------------------------- */

static bool would(int fd, short events)
{
	struct pollfd p = { .fd = fd, .events = events };

	return poll(&p, 1, 0) > 0;
}

static bool readable(const struct weft__op *op)
{
	return would((int)op->arg2, POLLIN);
}

static bool writable(const struct weft__op *op)
{
	return would((int)op->arg2, POLLOUT);
}

static const char *kind_name(int fd)
{
	static const char *const names[] = { "pipe", "socket pair",
					     "socket pair", "eventfd" };
	return names[chan_of(rec(fd))->kind];
}

static int wait_desc(const struct weft__op *op, char *buf, size_t n)
{
	snprintf(buf, n, "%s %s", op->arg ? "room to write in" : "data in",
		 op->objname);
	return -1;
}

/* A call that does not wait but finds nothing to read (or no room) only
 * reads the channel, as a failed trylock reads its mutex: a loop of
 * them spins, and the livelock check sees it. */
static uint8_t in_access(const struct weft__op *op)
{
	return readable(op) ? WEFT__ACC_WRITE : WEFT__ACC_READ;
}

static uint8_t out_access(const struct weft__op *op)
{
	return writable(op) ? WEFT__ACC_WRITE : WEFT__ACC_READ;
}

enum mode { PLAIN, TRY, BLOCK };

/* The step of call on channel fd: BLOCK waits until it can read (out:
 * write) without blocking; TRY does not wait. */
static void chan_step(const char *call, int fd, bool out, enum mode m,
		      const struct weft_loc *loc)
{
	struct weft__op op = {
		.name = call, .obj = &chan_obj,
		.objname = weft__internf("%s (fd %d)", kind_name(fd), fd),
		.access = WEFT__ACC_WRITE, .order = WEFT__ORDER_EXPLICIT,
		.ready = m == BLOCK ? (out ? writable : readable) : NULL,
		.access_now = m == TRY ? (out ? out_access : in_access) : NULL,
		.waitdesc = m == BLOCK ? wait_desc : NULL,
		.arg = out ? (void *)1 : NULL, .arg2 = fd, .loc = loc };

	weft__visible(&op);
}

/* After a call that did not wait: one that would have is a round of a
 * polling loop. */
static void tried(ssize_t r)
{
	if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
		int e = errno;
		weft__step_note("would block");
		weft__spun();
		errno = e;
	}
}

static bool nonblocking(int fd, int flags)
{
	int fl = fcntl(fd, F_GETFL);

	return (fl >= 0 && (fl & O_NONBLOCK)) ||
	       (flags >= 0 && (flags & MSG_DONTWAIT));
}

ssize_t weft__pt_chan_read(const char *call, int fd, void *p, size_t n,
			   int flags, struct sockaddr *a, socklen_t *al,
			   const struct weft_loc *loc)
{
	bool nb = nonblocking(fd, flags);
	const struct fdrec *r;
	ssize_t got;

	chan_step(call, fd, false, nb ? TRY : n > 0 ? BLOCK : PLAIN, loc);
	/* Between the step and the call no other thread runs: what the
	 * poll saw is still there, and the call does not block. */
	if (flags < 0)
		got = read(fd, p, n);
	else
		got = recvfrom(fd, p, n, flags, a, al);
	if ((r = rec(fd)) && got >= 0)
		acquire(r, (size_t)got, got == 0 && n > 0);
	if (nb)
		tried(got);
	return got;
}

/* One write without blocking: what fits. */
static ssize_t write_some(int fd, const void *p, size_t n, int flags,
			  const struct sockaddr *a, socklen_t al, bool nb)
{
	int fl = -1;
	ssize_t w;

	if (flags >= 0)
		return sendto(fd, p, n, flags | (nb ? 0 : MSG_DONTWAIT), a,
			      al);
	if (!nb) {
		fl = fcntl(fd, F_GETFL);
		fcntl(fd, F_SETFL, fl | O_NONBLOCK);
	}
	w = write(fd, p, n);
	if (fl >= 0) {
		int e = errno;
		fcntl(fd, F_SETFL, fl);
		errno = e;
	}
	return w;
}

ssize_t weft__pt_chan_write(const char *call, int fd, const void *p, size_t n,
			    int flags, const struct sockaddr *a, socklen_t al,
			    const struct weft_loc *loc)
{
	bool nb = nonblocking(fd, flags);
	size_t done = 0;

	/* A blocking write waits for room, writes what fits and waits
	 * again for the rest: another thread's write can come in between,
	 * as in the kernel (only writes of up to PIPE_BUF are atomic). */
	for (;;) {
		const struct fdrec *r;
		ssize_t w;

		chan_step(call, fd, true, nb ? TRY : BLOCK, loc);
		w = write_some(fd, (const char *)p + done, n - done, flags, a,
			       al, nb);
		if (w > 0 && (r = rec(fd)))
			release(r, (size_t)w);
		if (w < 0 && errno == EAGAIN && !nb)
			weft__limit(weft__internf("unsupported: %s()", call), loc,
				    "a write of %zu bytes to %s would block "
				    "though a poll says there is room",
				    n - done, kind_name(fd));
		if (w < 0 && nb)
			tried(w);
		if (w < 0)
			return done ? (ssize_t)done : -1;
		done += (size_t)w;
		if (nb || done == n)
			return (ssize_t)done;
	}
}

/* ---- making, copying and closing -------------------------------------- */

int __weft_pipe(int p[2])
{
	int r = pipe(p);

	if (r == 0) {
		int ch = weft__pt_live() ? chan_new(PIPE) : 0;
		weft__pt_keep_fd(p[0]);
		weft__pt_keep_fd(p[1]);
		set_rec(p[0], ch, 0, 0);
		set_rec(p[1], ch, 0, 0);
	}
	return r;
}

int __weft_pipe2(int p[2], int flags)
{
	int r = pipe2(p, flags);

	if (r == 0) {
		int ch = weft__pt_live() ? chan_new(PIPE) : 0;
		weft__pt_keep_fd(p[0]);
		weft__pt_keep_fd(p[1]);
		set_rec(p[0], ch, 0, 0);
		set_rec(p[1], ch, 0, 0);
	}
	return r;
}

int __weft_socketpair(int domain, int type, int proto, int sv[2])
{
	int r = socketpair(domain, type, proto, sv);

	if (r == 0) {
		int base = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
		int ch = weft__pt_live() && domain == AF_UNIX
				 ? chan_new(base == SOCK_STREAM
						    ? SOCK_STREAM_PAIR
						    : SOCK_DGRAM_PAIR)
				 : 0;
		weft__pt_keep_fd(sv[0]);
		weft__pt_keep_fd(sv[1]);
		set_rec(sv[0], ch, 0, 1);
		set_rec(sv[1], ch, 1, 0);
	}
	return r;
}

int __weft_eventfd(unsigned init, int flags)
{
	int fd = eventfd(init, flags);

	if (fd >= 0) {
		weft__pt_keep_fd(fd);
		set_rec(fd, weft__pt_live() ? chan_new(EVENT) : 0, 0, 0);
	}
	return fd;
}

int __weft_eventfd_read(int fd, eventfd_t *v)
{
	if (!weft__pt_chan(fd))
		return eventfd_read(fd, v);
	weft__race_access(v, sizeof *v, WEFT__RACE_WRITE, PT_RA());
	return weft__pt_chan_read("eventfd_read", fd, v, sizeof *v, -1, NULL,
				  NULL, PT_LOC()) == sizeof *v
		       ? 0
		       : -1;
}

int __weft_eventfd_write(int fd, eventfd_t v)
{
	if (!weft__pt_chan(fd))
		return eventfd_write(fd, v);
	return weft__pt_chan_write("eventfd_write", fd, &v, sizeof v, -1,
				   NULL, 0, PT_LOC()) == sizeof v
		       ? 0
		       : -1;
}

/* A close of a channel's end: a step (a reader may see the end of the
 * file after it), which releases what that reader acquires. */
void weft__pt_chan_close(int fd, const struct weft_loc *loc)
{
	const struct fdrec *r;

	if (!weft__pt_chan(fd))
		return;
	chan_step("close", fd, false, PLAIN, loc);
	if ((r = rec(fd)))
		release(r, 0);
	fds[fd].chan = 0;
}

/* to became a copy of fd (dup, dup2): a channel's descriptor if fd is
 * one, and no longer what it was. */
void weft__pt_chan_dup(int fd, int to)
{
	const struct fdrec *r = rec(fd);

	if (to < 0 || to >= CHAN_FDS || fd == to)
		return;
	if (r)
		fds[to] = *r;
	else
		fds[to].chan = 0;
}
