//! expect: verified
//! args: --strategy=dfs
/* A counted poll: the main thread tries a flag 50,000 times and then does
 * without it, after its only worker has finished, so nothing else can
 * run while it polls.  It ends by itself: no livelock.  (It was called
 * one at --spin-bound's 10,000 steps; a thread spinning while no other
 * thread can run now goes on for 100 times that, unrecorded: see
 * lone_poll_forever_bug.c.)  The volatile flag polls the same way. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_int flag;
static volatile int vflag;
static int done;

static void *worker(void *arg)
{
	(void)arg;
	done = 1;
	return NULL;
}

int main(void)
{
	pthread_t t;
	int i, j;

	pthread_create(&t, NULL, worker, NULL);
	pthread_join(t, NULL);
	for (i = 0; i < 50000; i++)
		if (atomic_load(&flag))
			break;
	for (j = 0; j < 50000; j++)
		if (vflag)
			break;
	printf("gave up after %d and %d tries, done=%d\n", i, j, done);
	return i == 50000 && j == 50000 && done ? 0 : 1;
}
