//! expect: verified
//! args: --strategy=dfs
/* A self-pipe wake-up: a worker waits in poll() on a pipe; main sets the
 * job and writes a byte to wake it, then 'q' to stop it.  The pipe orders
 * main's store of the job before the worker's read of it (what the kernel
 * does: src/pthread/chan.c).  Before, any poll or read of a pipe ended
 * the execution as unsupported.  pipe_wakeup_bug.c writes the byte before
 * the job. */
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static int wake[2];
static int job, done;

static void *worker(void *arg)
{
	struct pollfd p = { .fd = wake[0], .events = POLLIN };
	char c;

	(void)arg;
	for (;;) {
		if (poll(&p, 1, -1) != 1 || read(wake[0], &c, 1) != 1)
			return arg;
		if (c == 'q')
			return NULL;
		done = job * 2;
	}
}

int main(void)
{
	pthread_t t;

	if (pipe(wake))
		return 1;
	pthread_create(&t, NULL, worker, NULL);
#ifdef EARLY
	write(wake[1], "j", 1);
	job = 21;
#else
	job = 21;
	write(wake[1], "j", 1);
#endif
	write(wake[1], "q", 1);
	pthread_join(t, NULL);
	printf("done %d\n", done);
	close(wake[0]);
	close(wake[1]);
	return 0;
}
