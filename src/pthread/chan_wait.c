/* src/pthread/chan_wait.c - poll, select and epoll over the program's
 * in-process channels (chan.c): a wait on several descriptors, each a
 * channel of this execution or one that never blocks (a regular file);
 * an epoll instance the execution made, whose interest list holds only
 * channels, is waited on as its own descriptor (readable when an event
 * is pending), and its events are then taken without waiting.
 *
 * The wait is one step on the object of every channel call, a read of it
 * (two polls commute; a poll and any read, write or close of a channel
 * do not; an epoll_wait is a write, as it disarms one-shot and
 * edge-triggered events).  Without a timeout it blocks until a poll that
 * does not wait finds one descriptor ready; with one, it never blocks:
 * run before the data comes it times out (the virtual clock moves on by
 * the timeout), after, it finds the data, and the explorer tries both
 * orders.  A channel it finds readable orders its writes before what the
 * thread does next (chan_clock.c), as the kernel's wait queue does. */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <unistd.h>

#include "pthread/pt.h"

#define POLL_MAX 64
#define EPOLL_FDS 1024

struct pollset {
	const struct pollfd *f;
	nfds_t n;
	const void *cancel; /* a cancellation point's object (cancel.c) */
	int self;
};

/* How many descriptors of s are ready, asked without waiting, on a copy
 * (the set's own revents stay as they are). */
static int ready_now(const struct pollset *s)
{
	struct pollfd copy[POLL_MAX];

	memcpy(copy, s->f, sizeof copy[0] * s->n);
	return poll(copy, s->n, 0);
}

static bool any_ready(const struct weft__op *op)
{
	const struct pollset *s = op->arg;

	return ready_now(s) > 0 || (s->cancel && weft__cancel_wakes(s->self));
}

static int set_desc(const struct weft__op *op, char *buf, size_t n)
{
	snprintf(buf, n, "an event on %s", op->objname);
	return -1;
}

/* Whether every descriptor of f is a channel of this execution, or one
 * that never blocks (a regular file): a wait on them is in weft's hands;
 * *some is set when one is a channel. */
static bool controlled(const struct pollfd *f, nfds_t n, bool *some)
{
	*some = false;
	for (nfds_t i = 0; i < n; i++) {
		if (f[i].fd < 0)
			continue;
		if (weft__pt_chan(f[i].fd))
			*some = true;
		else if (weft__pt_blocking_source(f[i].fd))
			return false;
	}
	return true;
}

static bool any_fd(const struct pollfd *f, nfds_t n)
{
	for (nfds_t i = 0; i < n; i++)
		if (f[i].fd >= 0)
			return true;
	return false;
}

/* The step of a wait on the descriptors of s for timeout_ns: one that
 * waits for ever blocks until one is ready; a timed one never blocks.
 * takes: the wait changes what the next one finds (epoll_wait disarms an
 * edge-triggered or one-shot event), so two of them do not commute. */
static void wait_step(const char *call, const char *what, long long timeout_ns,
		      struct pollset *s, bool takes,
		      const struct weft_loc *loc)
{
	bool block = timeout_ns < 0;
	struct weft__op op;

	/* A cancellation point: a request pending acts at once, one that
	 * comes while it waits ends the wait. */
	weft__pt_cancel_check(loc);
	weft__pt_cancel_enter();
	s->cancel = weft__cancel_obj();
	s->self = weft__self();
	op = (struct weft__op){ .name = call, .obj = weft__pt_chan_obj(),
			       .obj2 = s->cancel,
			       .interruptible = s->cancel != NULL,
			       .objname = what,
			       .access = takes ? WEFT__ACC_WRITE
					       : WEFT__ACC_READ,
			       .order = WEFT__ORDER_EXPLICIT,
			       .ready = block ? any_ready : NULL,
			       .waitdesc = block ? set_desc : NULL,
			       .timed = timeout_ns > 0, .arg = s, .loc = loc };
	weft__visible(&op);
	weft__pt_cancel_leave(s->cancel && weft__cancel_wakes(s->self) &&
			      ready_now(s) == 0);
}

/* After the step, r descriptors found ready: none is a round of a
 * polling loop, or for a timed wait its timeout. */
static int waited(int r, long long timeout_ns)
{
	if (r == 0 && timeout_ns == 0)
		weft__spun();
	if (r == 0 && timeout_ns > 0) {
		/* Nothing came before it ran: it waited until its timeout
		 * (a thread that writes first is the other order). */
		weft__timed_out();
		weft__pt_time_jump(timeout_ns, NULL);
	}
	return r;
}

int weft__pt_chan_poll(struct pollfd *f, nfds_t n, long long timeout_ns,
		       const char *call, const struct weft_loc *loc)
{
	struct pollfd held[POLL_MAX];
	struct pollset s = { .f = held, .n = n };
	bool some;
	int r;

	if (!weft__pt_live() || n > POLL_MAX)
		return -2;
	if (!f && n > 0) {
		errno = EFAULT;
		return -1;
	}
	if (!controlled(f, n, &some))
		return -2;
	/* No descriptor at all: a sleep (poll(NULL, 0, ms), select(0, ...)
	 * with a timeout, the portable sleeps of old), of virtual time. */
	if (!some && !any_fd(f, n) && timeout_ns >= 0) {
		/* A cancellation point even with no time to sleep: glibc
		 * acts on a request as the call begins, whatever it then
		 * waits (the sleep checks for itself). */
		if (timeout_ns > 0)
			weft__pt_sleep_ns(timeout_ns, loc);
		else
			weft__pt_cancel_check(loc);
		return 0;
	}
	/* The wait watches its own copies of the channels' descriptors, as
	 * the kernel holds their files: another thread's close of the
	 * program's number neither wakes it nor makes it fail (natively it
	 * waits on; weft said POLLNVAL and verified the hang).  With no
	 * descriptor and no timeout it waits for ever, as natively. */
	for (nfds_t i = 0; i < n; i++) {
		held[i] = f[i];
		if (f[i].fd >= 0 && weft__pt_chan(f[i].fd))
			held[i].fd = weft__pt_chan_hold(f[i].fd);
	}
	wait_step(call,
		  n ? weft__internf("%lu descriptor%s", (unsigned long)n,
				    n == 1 ? "" : "s")
		    : "no descriptor",
		  timeout_ns, &s, false, loc);
	r = waited(poll(held, n, 0), timeout_ns);
	for (nfds_t i = 0; i < n; i++) {
		f[i].revents = held[i].revents;
		if (held[i].fd != f[i].fd)
			close(held[i].fd);
		if (r > 0 && f[i].fd >= 0 &&
		    (f[i].revents & (POLLIN | POLLHUP)))
			weft__pt_chan_seen(f[i].fd);
	}
	return r;
}

/* select and pselect, as a poll of the descriptors of their sets (at most
 * POLL_MAX of them); -2 when it is not a wait on channels. */
int weft__pt_chan_select(int n, fd_set *rd, fd_set *wr, fd_set *ex,
			 long long timeout_ns, const char *call,
			 const struct weft_loc *loc)
{
	struct pollfd f[POLL_MAX];
	nfds_t m = 0;
	int r, count = 0;

	if (n > FD_SETSIZE)
		return -2;
	for (int fd = 0; fd < n; fd++) {
		short ev = (short)((rd && FD_ISSET(fd, rd) ? POLLIN : 0) |
				   (wr && FD_ISSET(fd, wr) ? POLLOUT : 0) |
				   (ex && FD_ISSET(fd, ex) ? POLLPRI : 0));
		if (!ev)
			continue;
		if (m == POLL_MAX)
			return -2;
		f[m++] = (struct pollfd){ .fd = fd, .events = ev };
	}
	r = weft__pt_chan_poll(f, m, timeout_ns, call, loc);
	if (r < 0)
		return r;
	/* A descriptor in a set that is not open: select fails. */
	for (nfds_t i = 0; i < m; i++)
		if (f[i].revents & POLLNVAL) {
			errno = EBADF;
			return -1;
		}
	for (nfds_t i = 0; i < m; i++) {
		short re = f[i].revents;
		int fd = f[i].fd;
		if (rd && FD_ISSET(fd, rd) && !(re & (POLLIN | POLLHUP | POLLERR)))
			FD_CLR(fd, rd);
		else if (rd && FD_ISSET(fd, rd))
			count++;
		if (wr && FD_ISSET(fd, wr) && !(re & (POLLOUT | POLLERR)))
			FD_CLR(fd, wr);
		else if (wr && FD_ISSET(fd, wr))
			count++;
		if (ex && FD_ISSET(fd, ex) && !(re & POLLPRI))
			FD_CLR(fd, ex);
		else if (ex && FD_ISSET(fd, ex))
			count++;
	}
	return count;
}

/* ---- epoll ------------------------------------------------------------ */

#define EPOLL_REG 16

/* The epoll instances of this execution, by descriptor: wild when one
 * descriptor of its interest list is neither a channel nor a regular
 * file (what makes it ready comes from outside); the channels on the
 * list (the first EPOLL_REG) with the data their events carry, for the
 * clocks an event acquires. */
static struct {
	long gen;
	bool wild;
	int nreg;
	struct {
		int fd;
		uint64_t data;
	} reg[EPOLL_REG];
} eps[EPOLL_FDS];

/* The interest list's channel fd changed (op, with ev's data). */
static void note_reg(int epfd, int op, int fd, const struct epoll_event *ev)
{
	int k = 0, n = eps[epfd].nreg;

	while (k < n && eps[epfd].reg[k].fd != fd)
		k++;
	if (op == EPOLL_CTL_DEL) {
		if (k < n)
			eps[epfd].reg[k] = eps[epfd].reg[--eps[epfd].nreg];
		return;
	}
	if (!weft__pt_chan(fd) || !ev || (k == n && n == EPOLL_REG))
		return;
	eps[epfd].reg[k].fd = fd;
	eps[epfd].reg[k].data = ev->data.u64;
	if (k == n)
		eps[epfd].nreg++;
}

/* The events got: each readable one acquires what the bytes of its
 * channel carry, as a poll's does (found by the data the program gave
 * it, which names the descriptor or the program's own record of it). */
static void seen_events(int epfd, const struct epoll_event *ev, int got)
{
	for (int i = 0; i < got; i++) {
		if (!(ev[i].events & (EPOLLIN | EPOLLHUP)))
			continue;
		for (int k = 0; k < eps[epfd].nreg; k++)
			if (eps[epfd].reg[k].data == ev[i].data.u64)
				weft__pt_chan_seen(eps[epfd].reg[k].fd);
	}
}

static bool ours(int epfd)
{
	return weft__pt_live() && epfd >= 0 && epfd < EPOLL_FDS &&
	       eps[epfd].gen == weft__exec_gen();
}

static int made(int fd)
{
	if (fd >= 0) {
		weft__pt_keep_fd(fd);
		if (weft__pt_live() && fd < EPOLL_FDS) {
			eps[fd].gen = weft__exec_gen();
			eps[fd].wild = false;
			eps[fd].nreg = 0;
		}
	}
	return fd;
}

int __weft_epoll_create(int size)
{
	return made(epoll_create(size));
}

int __weft_epoll_create1(int flags)
{
	return made(epoll_create1(flags));
}

/* A change of the interest list: a step, as a wait of another thread
 * reads it. */
int __weft_epoll_ctl(int epfd, int op, int fd, struct epoll_event *ev)
{
	int r;

	if (!ours(epfd))
		return epoll_ctl(epfd, op, fd, ev);
	{
		struct weft__op st = { .name = "epoll_ctl",
				       .obj = weft__pt_chan_obj(),
				       .objname = "epoll",
				       .access = WEFT__ACC_WRITE,
				       .order = WEFT__ORDER_EXPLICIT,
				       .loc = PT_LOC() };
		weft__visible(&st);
	}
	r = epoll_ctl(epfd, op, fd, ev);
	if (r == 0 && op != EPOLL_CTL_DEL && !weft__pt_chan(fd) &&
	    weft__pt_blocking_source(fd))
		eps[epfd].wild = true;
	if (r == 0)
		note_reg(epfd, op, fd, ev);
	return r;
}

/* epoll_wait on an instance whose every descriptor is a channel: a wait
 * for the epoll descriptor itself to be readable (it is when an event is
 * pending), then the events taken without waiting; -2 otherwise. */
int weft__pt_chan_epoll(int epfd, struct epoll_event *ev, int max,
			long long timeout_ns, const char *call,
			const struct weft_loc *loc)
{
	struct pollfd p = { .fd = epfd, .events = POLLIN };
	struct pollset s = { .f = &p, .n = 1 };
	int r;

	if (!ours(epfd) || eps[epfd].wild)
		return -2;
	wait_step(call, "epoll", timeout_ns, &s, true, loc);
	r = waited(epoll_wait(epfd, ev, max, 0), timeout_ns);
	seen_events(epfd, ev, r);
	return r;
}
