//! expect: bug misuse
//! args: --strategy=dfs
/* A worker detaches itself while main is about to join it.  If the
 * worker's detach comes first, main joins a detached thread: undefined
 * behaviour (its resources go when it ends).  pthread_detach was no step
 * and the join checked before its own, so only the order in which main
 * had already joined was tried: "verified, 1 schedule" (found in a real
 * program by a probe).  The join's claim of the thread is now a step, and
 * so is a detach.  self_detach_ok.c's worker detaches itself and nobody
 * joins it. */
#include <pthread.h>

static void *worker(void *arg)
{
	(void)arg;
	pthread_detach(pthread_self());
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, worker, NULL);
	pthread_join(t, NULL);
	return 0;
}
