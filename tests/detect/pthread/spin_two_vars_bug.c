//! expect: bug livelock
//! args: --strategy=dfs
/* Two threads shake hands the wrong way round: each waits until the other
 * says it is ready (or a stop flag nobody sets is raised) before saying it
 * is ready itself, so both poll two variables forever.  Every round of
 * either loop reads the same values again: both threads spin with no
 * thread making progress, a livelock (spin_two_vars_ok.c has a thread
 * that clears what the waiter polls). */
#include <pthread.h>
#include <stdatomic.h>

static atomic_int ready[2], stop;

static void *peer(void *arg)
{
	int me = (int)(long)arg;

	while (!atomic_load(&ready[1 - me]) && !atomic_load(&stop))
		;
	atomic_store(&ready[me], 1);
	return NULL;
}

int main(void)
{
	pthread_t t0, t1;

	pthread_create(&t0, NULL, peer, (void *)0L);
	pthread_create(&t1, NULL, peer, (void *)1L);
	pthread_join(t0, NULL);
	pthread_join(t1, NULL);
	return 0;
}
