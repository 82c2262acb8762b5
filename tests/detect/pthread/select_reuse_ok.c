//! expect: verified
//! args: --strategy=dfs
/* A reader waits for a byte with select, twice with a 1 ms timeout, then
 * without one, and sets its fd_set before every call.
 * select_reuse_bug.c sets it once: select empties it on a timeout, and
 * the wait without one then watches nothing, for ever (a hang).  weft
 * called a select over no descriptor unsupported (a probe's finding); it
 * waits for ever now, a deadlock. */
#include <pthread.h>
#include <sys/select.h>
#include <unistd.h>

static int fds[2];

static void *writer(void *arg)
{
	if (write(fds[1], "x", 1) != 1)
		return arg;
	return NULL;
}

int main(void)
{
	pthread_t t;
	fd_set set;
	int got = 0;

	if (pipe(fds))
		return 1;
	pthread_create(&t, NULL, writer, NULL);
	FD_ZERO(&set);
	FD_SET(fds[0], &set);
	for (int round = 0; !got; round++) {
		struct timeval tv = { 0, 1000 };
		int r;
#ifndef SET_ONCE
		FD_ZERO(&set);
		FD_SET(fds[0], &set);
#endif
		r = select(fds[0] + 1, &set, NULL, NULL, round < 2 ? &tv : NULL);
		if (r > 0 && FD_ISSET(fds[0], &set)) {
			char c;
			got = read(fds[0], &c, 1) == 1;
		}
	}
	pthread_join(t, NULL);
	return 0;
}
