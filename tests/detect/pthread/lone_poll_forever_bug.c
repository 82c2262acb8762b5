//! expect: bug livelock
//! args: --strategy=dfs
/* The twin of lone_poll_bounded_ok.c without the count: the main thread
 * waits for a flag its worker was to set, but the worker returned without
 * setting it.  Nothing else can run, so the poll goes on for ever: still
 * a livelock, reported once the poll has gone on alone for 100 times
 * --spin-bound further reads. */
#include <pthread.h>
#include <stdatomic.h>

static atomic_int flag;

static void *worker(void *arg)
{
	(void)arg;
	return NULL; /* forgets atomic_store(&flag, 1) */
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, worker, NULL);
	pthread_join(t, NULL);
	while (!atomic_load(&flag))
		;
	return 0;
}
