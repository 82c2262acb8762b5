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
 * in the kernel (chan_clock.c).
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
#include "pthread/chan.h"
#include "modelled.h"

/* The descriptors' records and the channels (chan.h). */
static struct weft__chan_fd fds[WEFT__CHAN_FDS];
static struct weft__chan chans[WEFT__CHANS];
static char chan_obj; /* the one object of every channel call */

struct weft__chan_fd *weft__chan_rec(int fd)
{
	if (fd < 0 || fd >= WEFT__CHAN_FDS || !weft__pt_live())
		return NULL;
	if (!fds[fd].chan || fds[fd].gen != weft__exec_gen())
		return NULL;
	return &fds[fd];
}

bool weft__pt_chan(int fd)
{
	return weft__chan_rec(fd) != NULL;
}

/* A call on fd, which a channel had until a close in this execution: a
 * step on the channels' object, so that the explorer also tries it
 * before the close (a read after the close fails at once; one before it
 * may wait for ever). */
void weft__pt_chan_closed_use(int fd, const char *call,
			      const struct weft_loc *loc)
{
	if (fd < 0 || fd >= WEFT__CHAN_FDS || !weft__pt_live() ||
	    fds[fd].chan || !fds[fd].closed ||
	    fds[fd].gen != weft__exec_gen())
		return;
	{
		struct weft__op op = { .name = call, .obj = &chan_obj,
				       .objname = "a closed descriptor",
				       .access = WEFT__ACC_READ,
				       .order = WEFT__ORDER_EXPLICIT,
				       .loc = loc };
		weft__visible(&op);
	}
}

const void *weft__pt_chan_obj(void)
{
	return &chan_obj;
}

struct weft__chan *weft__chan_of(const struct weft__chan_fd *r)
{
	return &chans[r->chan - 1];
}

/* A new channel of this execution: its number.  With every slot in use
 * the execution is inconclusive. */
static int chan_new(enum weft__chan_kind k)
{
	long g = weft__exec_gen();

	for (int i = 0; i < WEFT__CHANS; i++) {
		struct weft__chan *c = &chans[i];
		if (c->gen == g && c->nfd > 0)
			continue;
		*c = (struct weft__chan){ .gen = g, .kind = k };
		return i + 1;
	}
	weft__limit("unsupported: too many pipes", NULL,
		    "more than %d pipes, socket pairs and eventfds open at "
		    "once in one execution", WEFT__CHANS);
}

/* fd no longer names what it named (closed, or replaced). */
static void forget(int fd)
{
	struct weft__chan_fd *r = weft__chan_rec(fd);

	if (r) {
		weft__chan_of(r)->nfd--;
		r->chan = 0;
		r->closed = true;
	}
}

static void set_rec(int fd, int ch, int wdir, int rdir, bool wr)
{
	if (fd < 0 || fd >= WEFT__CHAN_FDS)
		return;
	forget(fd);
	if (!ch)
		return;
	fds[fd] = (struct weft__chan_fd){ .gen = weft__exec_gen(),
					  .chan = (uint8_t)ch,
					  .wdir = (uint8_t)wdir,
					  .rdir = (uint8_t)rdir, .wr = wr };
	chans[ch - 1].nfd++;
}

/* ---- the scheduling points -------------------------------------------- */

static bool would(int fd, short events)
{
	struct pollfd p = { .fd = fd, .events = events };

	return poll(&p, 1, 0) > 0;
}

static const char *kind_name(int fd)
{
	static const char *const names[] = { "pipe", "socket pair",
					     "socket pair", "eventfd" };
	const struct weft__chan_fd *r = weft__chan_rec(fd);

	return r ? names[weft__chan_of(r)->kind] : "a closed descriptor";
}

/* Whether a call with flags (< 0: read or write) on a descriptor whose
 * status flags are fl does not wait. */
static bool nb_of(int fl, int flags)
{
	return (fl >= 0 && (fl & O_NONBLOCK)) ||
	       (flags >= 0 && (flags & MSG_DONTWAIT));
}

static bool would_block(ssize_t r)
{
	return r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
}

/* What a call on a channel wants, for its step's callbacks (asked by the
 * scheduler from another thread's stack: no look-up of this one's). */
struct want {
	int fd, flags; /* flags < 0: read or write, else recv/send's */
	size_t n;
	bool out;
	enum weft__chan_kind kind;
	const void *cancel; /* a cancellation point's object (cancel.c) */
	int self;
};

/* Whether the call would fail at once rather than wait: the kernel
 * refuses it (a closed descriptor, the wrong end, a short eventfd read,
 * recv or send on a pipe), or it does not wait (O_NONBLOCK, set perhaps
 * by another thread while this one waited, or MSG_DONTWAIT). */
static bool fails_now(const struct want *w)
{
	int fl = fcntl(w->fd, F_GETFL), mode = fl & O_ACCMODE;

	return fl < 0 || w->n == 0 || nb_of(fl, w->flags) ||
	       (w->out ? mode == O_RDONLY : mode == O_WRONLY) ||
	       (w->kind == WEFT__CHAN_EVENT && w->n < sizeof(uint64_t)) ||
	       (w->kind == WEFT__CHAN_PIPE && w->flags >= 0);
}

static bool can_go(const struct weft__op *op)
{
	const struct want *w = op->arg;

	return would(w->fd, w->out ? POLLOUT : POLLIN) || fails_now(w) ||
	       (w->cancel && weft__cancel_wakes(w->self));
}

/* A call that finds nothing to read (or no room), or fails, only reads
 * the channel, as a failed trylock reads its mutex: a loop of them
 * spins, and the livelock check sees it. */
static uint8_t go_access(const struct weft__op *op)
{
	const struct want *w = op->arg;

	return would(w->fd, w->out ? POLLOUT : POLLIN) ? WEFT__ACC_WRITE
						       : WEFT__ACC_READ;
}

static int wait_desc(const struct weft__op *op, char *buf, size_t n)
{
	const struct want *w = op->arg;

	snprintf(buf, n, "%s %s", w->out ? "room to write in" : "data in",
		 op->objname);
	return -1;
}

enum mode { PLAIN, WAIT };

/* The step of call on channel fd.  WAIT: one that waits until it can go
 * on (can_go); its access is a write only when it moves bytes.  PLAIN: a
 * write of the channel, no wait. */
static void chan_step(const char *call, int fd, enum mode m,
		      struct want *w, const struct weft_loc *loc)
{
	const struct weft__chan_fd *r = weft__chan_rec(fd);
	struct weft__op op = {
		.name = call, .obj = &chan_obj,
		.objname = weft__internf("%s (fd %d)", kind_name(fd), fd),
		.access = WEFT__ACC_WRITE, .order = WEFT__ORDER_EXPLICIT,
		.ready = m == WAIT ? can_go : NULL,
		.access_now = m == WAIT ? go_access : NULL,
		.waitdesc = m == WAIT ? wait_desc : NULL,
		.obj2 = w ? w->cancel : NULL,
		.interruptible = w && w->cancel != NULL, .arg = w, .arg2 = fd,
		.loc = loc };

	if (w && r)
		w->kind = weft__chan_of(r)->kind;
	weft__visible(&op);
}

/* The step of a call that waits on a channel, a cancellation point (a
 * read, or a write waiting for room): whether a cancel request ended the
 * wait, the call being able neither to go on nor to fail at once.  The
 * caller passes that to weft__pt_cancel_leave, which acts on it. */
static bool wait_step(const char *call, int fd, struct want *w,
		      const struct weft_loc *loc)
{
	weft__pt_cancel_enter();
	w->cancel = weft__cancel_obj();
	w->self = weft__self();
	chan_step(call, fd, WAIT, w, loc);
	return w->cancel && weft__cancel_wakes(w->self) &&
	       !would(w->fd, w->out ? POLLOUT : POLLIN) && !fails_now(w);
}

/* After a call that did not wait: one that would have is a round of a
 * polling loop. */
static void tried(ssize_t r)
{
	if (would_block(r)) {
		int e = errno;
		weft__step_note("would block");
		weft__spun();
		errno = e;
	}
}

static bool nonblocking(int fd, int flags)
{
	return nb_of(fcntl(fd, F_GETFL), flags);
}

/* One call on fd without waiting, whatever the descriptor's own mode:
 * recv or send flags (< 0: read or write) with MSG_DONTWAIT, or the
 * descriptor made non-blocking around it (only this thread runs). */
static ssize_t once(int fd, void *p, size_t n, int flags, bool out,
		    struct sockaddr *a, socklen_t *al, socklen_t alen)
{
	int fl = -1;
	ssize_t r;

	if (flags >= 0)
		return out ? sendto(fd, p, n, flags | MSG_DONTWAIT, a, alen)
			   : recvfrom(fd, p, n, flags | MSG_DONTWAIT, a, al);
	fl = fcntl(fd, F_GETFL);
	if (fl >= 0 && !(fl & O_NONBLOCK))
		fcntl(fd, F_SETFL, fl | O_NONBLOCK);
	r = out ? write(fd, p, n) : read(fd, p, n);
	if (fl >= 0 && !(fl & O_NONBLOCK)) {
		int e = errno;
		fcntl(fd, F_SETFL, fl);
		errno = e;
	}
	return r;
}

/* A call that waits holds its own copy of the descriptor, as the kernel
 * holds the open file: another thread's close of the program's number
 * neither wakes it nor makes it fail (a reader blocked on a pipe whose
 * read end another thread closes waits for ever, natively; weft woke it
 * with EBADF and verified the hang).  Up high, out of the program's way;
 * fd itself when there is no room.  The channel's slot stays its own
 * meanwhile. */
int weft__pt_chan_hold(int fd)
{
	int h = fcntl(fd, F_DUPFD_CLOEXEC, 768);

	return h >= 0 ? h : fd;
}

static int hold(int fd, const struct weft__chan_fd *r)
{
	weft__chan_of(r)->nfd++;
	return weft__pt_chan_hold(fd);
}

static void unhold(int fd, int h, const struct weft__chan_fd *r)
{
	if (h != fd)
		close(h);
	weft__chan_of(r)->nfd--;
}

/* A read: one step, which waits until the read can go on (data, the
 * end of the file, or a failure the kernel gives at once: a read of a
 * write end fails as natively, not in a deadlock), then the read without
 * waiting.  MSG_WAITALL reads on until n bytes or the end. */
ssize_t weft__pt_chan_read(const char *call, int fd, void *p, size_t n,
			   int flags, struct sockaddr *a, socklen_t *al,
			   const struct weft_loc *loc)
{
	bool all = flags >= 0 && (flags & MSG_WAITALL);
	bool peek = flags >= 0 && (flags & MSG_PEEK);
	struct weft__chan_fd r = *weft__chan_rec(fd);
	size_t done = 0;
	ssize_t ret;
	int h;

	if (all)
		flags &= ~MSG_WAITALL;
	/* A read is a cancellation point: a request pending acts at once,
	 * one that comes while it waits ends the wait. */
	weft__pt_cancel_check(loc);
	h = hold(fd, &r);
	for (int again = 0;; again++) {
		struct want w = { .fd = h, .flags = flags, .n = n - done };
		bool nb, cancelled;
		ssize_t got;

		cancelled = wait_step(call, fd, &w, loc);
		if (cancelled)
			unhold(fd, h, &r);
		weft__pt_cancel_leave(cancelled);
		nb = nonblocking(h, flags);
		got = once(h, (char *)p + done, n - done, flags, false, a, al,
			   0);
		if (got >= 0)
			weft__chan_acquire(&r, (size_t)got, got == 0 && n > done,
					   peek);
		if (nb)
			tried(got);
		if (would_block(got) && !nb && !again && !done)
			continue; /* (a poll that said ready, once) */
		if (got < 0) {
			ret = done ? (ssize_t)done : -1;
			break;
		}
		done += (size_t)got;
		if (!all || nb || got == 0 || done == n) {
			ret = (ssize_t)done;
			break;
		}
	}
	{
		int e = errno;
		unhold(fd, h, &r);
		errno = e;
	}
	return ret;
}

/* A write: a step and a write of what fits, without waiting (a poll's
 * answer is coarser than the kernel's: a pipe whose last page has room
 * for a small write does not poll writable); for a descriptor that
 * blocks, while something is left, a step that waits for room and the
 * next part.  Another thread's write can come in between, as in the
 * kernel (which writes up to PIPE_BUF bytes whole or not at all).  The
 * wait for room is a cancellation point (the callers look for a request
 * pending as the call begins): a request acts on it even after part of
 * the bytes went, as glibc's (up to 2.40) does, which lets asynchronous
 * cancellation act during the system call (a writer blocked on a full
 * pipe ended in every native run; weft waited for ever). */
ssize_t weft__pt_chan_write(const char *call, int fd, const void *p, size_t n,
			    int flags, const struct sockaddr *a, socklen_t al,
			    const struct weft_loc *loc)
{
	size_t done = 0;
	bool nb, waited = false;

	chan_step(call, fd, PLAIN, NULL, loc);
	nb = nonblocking(fd, flags);
	for (;;) {
		struct want w = { .fd = fd, .flags = flags, .out = true };
		const struct weft__chan_fd *r;
		ssize_t k = once(fd, (char *)p + done, n - done, flags, true,
				 (struct sockaddr *)a, NULL, al);

		if (k > 0 && (r = weft__chan_rec(fd)))
			weft__chan_release(r, (size_t)k);
		if (would_block(k) && nb)
			tried(k);
		if (k < 0 && !(would_block(k) && !nb))
			return done ? (ssize_t)done : -1;
		if (k > 0)
			done += (size_t)k;
		if (nb || done == n)
			return (ssize_t)done;
		/* Room the kernel says there is, and still none: nothing
		 * any thread does will change that. */
		if (would_block(k) && waited)
			weft__limit(weft__internf("unsupported: %s()", call),
				    loc,
				    "a write of %zu bytes to %s would block "
				    "though a poll says there is room",
				    n - done, kind_name(fd));
		w.n = n - done;
		weft__pt_cancel_leave(wait_step(call, fd, &w, loc));
		nb = nonblocking(fd, flags);
		waited = k < 0;
	}
}

/* ---- making, copying and closing -------------------------------------- */

/* A pipe's two ends (r: 0 from pipe), one channel when the test made
 * them. */
static int made_pipe(int p[2], int r)
{
	if (r == 0) {
		int ch = weft__pt_live() ? chan_new(WEFT__CHAN_PIPE) : 0;
		weft__pt_keep_fd(p[0]);
		weft__pt_keep_fd(p[1]);
		set_rec(p[0], ch, 0, 0, false);
		set_rec(p[1], ch, 0, 0, true);
	}
	return r;
}

/* The calls store the two descriptors into the program's int[2]: a
 * write of it (a thread reading it while another made the pipe was
 * verified: a probe). */
int __weft_pipe(int p[2])
{
	if (p)
		weft__race_access(p, 2 * sizeof *p, WEFT__RACE_WRITE, PT_RA());
	return made_pipe(p, pipe(p));
}

int __weft_pipe2(int p[2], int flags)
{
	if (p)
		weft__race_access(p, 2 * sizeof *p, WEFT__RACE_WRITE, PT_RA());
	return made_pipe(p, pipe2(p, flags));
}

int __weft_socketpair(int domain, int type, int proto, int sv[2])
{
	int r;

	if (sv)
		weft__race_access(sv, 2 * sizeof *sv, WEFT__RACE_WRITE,
				  PT_RA());
	r = socketpair(domain, type, proto, sv);

	if (r == 0) {
		int base = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
		int ch = weft__pt_live() && domain == AF_UNIX
				 ? chan_new(base == SOCK_STREAM
						    ? WEFT__CHAN_STREAM
						    : WEFT__CHAN_DGRAM)
				 : 0;
		weft__pt_keep_fd(sv[0]);
		weft__pt_keep_fd(sv[1]);
		set_rec(sv[0], ch, 0, 1, true);
		set_rec(sv[1], ch, 1, 0, true);
	}
	return r;
}

int __weft_eventfd(unsigned init, int flags)
{
	int fd = eventfd(init, flags);

	if (fd >= 0) {
		weft__pt_keep_fd(fd);
		set_rec(fd, weft__pt_live() ? chan_new(WEFT__CHAN_EVENT) : 0, 0,
			0, true);
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
	weft__pt_cancel_check(PT_LOC());
	if (!weft__pt_chan(fd))
		return eventfd_write(fd, v);
	return weft__pt_chan_write("eventfd_write", fd, &v, sizeof v, -1,
				   NULL, 0, PT_LOC()) == sizeof v
		       ? 0
		       : -1;
}

/* A close of a channel's end: a step (a reader may see the end of the
 * file after it), and a write end's releases what that reader
 * acquires. */
void weft__pt_chan_close(int fd, const struct weft_loc *loc)
{
	const struct weft__chan_fd *r;

	if (!weft__pt_chan(fd))
		return;
	chan_step("close", fd, PLAIN, NULL, loc);
	if ((r = weft__chan_rec(fd)) && r->wr)
		weft__chan_release(r, 0);
	forget(fd);
}

/* A step on channel fd for call (shutdown, a change of its flags), which
 * may end what a reader waits for: released as a close is. */
void weft__pt_chan_change(const char *call, int fd, bool ends,
			  const struct weft_loc *loc)
{
	const struct weft__chan_fd *r;

	if (!weft__pt_chan(fd))
		return;
	chan_step(call, fd, PLAIN, NULL, loc);
	if (ends && (r = weft__chan_rec(fd)) && r->wr)
		weft__chan_release(r, 0);
}

/* to became a copy of fd (dup, dup2, dup3, F_DUPFD): a channel's
 * descriptor if fd is one, and no longer what it was. */
void weft__pt_chan_dup(int fd, int to)
{
	const struct weft__chan_fd *r = weft__chan_rec(fd);

	if (to < 0 || to >= WEFT__CHAN_FDS || fd == to)
		return;
	if (r)
		set_rec(to, r->chan, r->wdir, r->rdir, r->wr);
	else
		forget(to);
}
