//! expect: verified
//! args: --strategy=dfs
/* A worker drains a pipe until the end of the file, and main closes the
 * write end to stop it.  pipe_close_wake_bug.c closes the read end
 * instead, meaning to wake the worker: a read already waiting holds the
 * pipe open, so when the worker waits before the close it waits for
 * ever, natively (a hang).  weft woke it with EBADF and verified the
 * program, and did not try the worker's read before the close at all (a
 * probe's finding): a waiting call holds its own copy of the descriptor
 * now, and a use of a closed channel's number is ordered with the close. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static int p[2];

static void *worker(void *arg)
{
	char c;

	while (read(p[0], &c, 1) > 0)
		;
	return arg;
}

int main(void)
{
	pthread_t t;

	if (pipe(p))
		return 1;
	pthread_create(&t, NULL, worker, NULL);
	if (write(p[1], "j", 1) != 1)
		return 1;
#ifdef CLOSE_READ_END
	close(p[0]);
#else
	close(p[1]);
#endif
	pthread_join(t, NULL);
	puts("joined");
	return 0;
}
