//! expect: bug livelock
//! args: --strategy=dfs
/* A loop of three polls that never ends, after the only worker has
 * finished: two counted inner loops and a third read, round and round.
 * Each inner loop ends by itself, so a step at another place ended the
 * lone spin and started the count again: the loop of loops never reached
 * the bound and ran to the step limit for 60 s (inconclusive; a review's
 * probe; the build before lone spins said livelock).  Now leaving an
 * inner loop only gathers the loop's places again, and the spin goes on
 * counting.  lone_poll_bounded_ok.c's two counted loops end. */
#include <pthread.h>
#include <stdatomic.h>

static atomic_int a, b, c;

static void *worker(void *arg)
{
	(void)arg;
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, worker, NULL);
	pthread_join(t, NULL);
	for (;;) {
		for (int i = 0; i < 2000; i++)
			if (atomic_load(&a))
				return 0;
		for (int i = 0; i < 2000; i++)
			if (atomic_load(&b))
				return 0;
		if (atomic_load(&c))
			return 0;
	}
}
