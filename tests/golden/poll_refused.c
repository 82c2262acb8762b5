//! args: --strategy=dfs
//! needs: pthread
/* Pins the text of an unsupported wait: a worker of an event loop polls
 * its self-pipe without a timeout.  The reason names the call, and the
 * message said it again ("unsupported: poll() without a timeout: poll()
 * without a timeout: weft cannot control ..."). */
#include <poll.h>
#include <pthread.h>
#include <unistd.h>

static int pfd[2];

static void *loop(void *arg)
{
	struct pollfd p = { .fd = pfd[0], .events = POLLIN };
	char c;

	(void)arg;
	poll(&p, 1, -1);
	return read(pfd[0], &c, 1) == 1 ? NULL : arg;
}

int main(void)
{
	pthread_t t;

	if (pipe(pfd) != 0)
		return 1;
	pthread_create(&t, NULL, loop, NULL);
	if (write(pfd[1], "x", 1) != 1)
		return 1;
	pthread_join(t, NULL);
	return 0;
}
