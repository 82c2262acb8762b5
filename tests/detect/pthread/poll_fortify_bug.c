//! expect: bug assertion
//! args: --strategy=dfs
/* A worker waits up to 50 ms for the byte main writes to a pipe, and
 * takes it for granted.  Built with _FORTIFY_SOURCE, poll with a count
 * the compiler cannot check becomes glibc's __poll_chk, which weft did
 * not model: the poll slept for real, its timeout was never explored
 * against the data arriving, and the program was verified.  Now the
 * timeout (main not there yet) is explored: the assertion fails.
 * poll_fortify_ok.c reads only when poll said there was data. */
#ifndef _FORTIFY_SOURCE
#define _FORTIFY_SOURCE 2
#endif
#include <assert.h>
#include <poll.h>
#include <pthread.h>
#include <unistd.h>

static int p[2];
static volatile nfds_t count = 1;

static void *waiter(void *arg)
{
	struct pollfd fds[1] = { { .fd = p[0], .events = POLLIN } };
	char c;
	int r = poll(fds, count, 50);

	(void)arg;
#ifdef CHECKED
	if (r == 0)
		return NULL; /* timed out: try again later */
#else
	assert(r == 1);
#endif
	return read(p[0], &c, 1) == 1 ? NULL : arg;
}

int main(void)
{
	pthread_t t;

	if (pipe(p) != 0)
		return 1;
	pthread_create(&t, NULL, waiter, NULL);
	if (write(p[1], "x", 1) != 1)
		return 1;
	pthread_join(t, NULL);
	return 0;
}
