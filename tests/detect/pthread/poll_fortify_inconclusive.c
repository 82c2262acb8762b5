//! expect: inconclusive
//! args: --strategy=dfs
/* A worker waits up to 50 ms for data on a pipe nobody writes.  Built with
 * _FORTIFY_SOURCE, poll with a count the compiler cannot check becomes
 * glibc's __poll_chk, which weft did not model: the poll slept for real,
 * its timeout was never explored against data arriving, and the program
 * was verified.  weft cannot control a pipe's other end: like a plain
 * poll with a timeout, it is inconclusive (unsupported).  The same goes
 * for __recv_chk, __recvfrom_chk, ppoll, pselect and epoll_wait. */
#ifndef _FORTIFY_SOURCE
#define _FORTIFY_SOURCE 2
#endif
#include <poll.h>
#include <pthread.h>
#include <unistd.h>

static int p[2];
static volatile nfds_t count = 1;

static void *waiter(void *arg)
{
	struct pollfd fds[1] = { { .fd = p[0], .events = POLLIN } };

	(void)arg;
	return poll(fds, count, 50) > 0 ? arg : NULL;
}

int main(void)
{
	pthread_t t;

	if (pipe(p) != 0)
		return 1;
	pthread_create(&t, NULL, waiter, NULL);
	pthread_join(t, NULL);
	return 0;
}
