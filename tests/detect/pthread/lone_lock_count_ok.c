//! expect: verified
//! args: --strategy=dfs
/* A worker that runs alone (main waits in pthread_join) and takes and
 * gives back its mutex 3,000 times, counting in plain memory, ends by
 * itself: its count is a write that changes memory, progress, so the
 * relock alone that makes lone_lock_poll_bug.c a spin does not make this
 * one (9,000 rounds, 18,000 steps, were verified too).  Guards the
 * no-progress rule for a relock alone against calling every such loop a
 * livelock. */
#include <assert.h>
#include <pthread.h>

static int rounds;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&m);
	while (rounds < 3000) {
		rounds++;
		pthread_mutex_unlock(&m);
		pthread_mutex_lock(&m);
	}
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, worker, NULL);
	pthread_join(t, NULL);
	assert(rounds == 3000);
	return 0;
}
