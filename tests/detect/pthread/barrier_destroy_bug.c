//! expect: bug misuse
//! args: --strategy=dfs
/* main destroys a barrier while the worker may still be waiting on it
 * for a round that main never completes: undefined in POSIX, and glibc's
 * destroy waits for the worker, so the program hangs.  weft's destroy did
 * nothing, and a wait on a destroyed barrier was not checked: both were
 * verified.  barrier_destroy_ok.c completes the round first, destroys
 * after the join, and initialises the barrier again before reusing it. */
#include <pthread.h>

static pthread_barrier_t b;
int rounds;

static void *worker(void *arg)
{
	(void)arg;
	pthread_barrier_wait(&b);
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_barrier_init(&b, NULL, 2);
	pthread_create(&t, NULL, worker, NULL);
#ifdef BARRIER_DESTROY_OK
	pthread_barrier_wait(&b);
	pthread_join(t, NULL);
	pthread_barrier_destroy(&b);
	pthread_barrier_init(&b, NULL, 1);
	pthread_barrier_wait(&b);
	pthread_barrier_destroy(&b);
#else
	pthread_barrier_destroy(&b);
	pthread_barrier_wait(&b);
	pthread_join(t, NULL);
#endif
	return 0;
}
