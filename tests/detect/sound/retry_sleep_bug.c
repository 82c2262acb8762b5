//! expect: bug assertion
/* Three jobs, each taking the lock with two tries and a sleep between
 * them, and skipped when both fail; the assertion says not every job was
 * skipped.  The bug needs the holder to keep the lock through all six
 * tries: three loops that give up, whose extra tries add up.  Each round
 * of a retry loop (its failed trylock and the sleep after it) is one
 * unfair continuation; counting the sleep too hid the bug from the
 * deepened search, which stopped at --fair-bound=2 (verified, by a user's
 * probe).  retry_sleep_ok.c blocks on the lock after the tries. */
#include <assert.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int work, skipped;

static void *holder(void *arg)
{
	for (int r = 0; r < 3; r++) {
		pthread_mutex_lock(&m);
		work++;
		pthread_mutex_unlock(&m);
	}
	return arg;
}

static void *worker(void *arg)
{
	for (int r = 0; r < 3; r++) {
		int got = 0;
		for (int i = 0; i < 2 && !got; i++) {
			if (pthread_mutex_trylock(&m) == 0)
				got = 1;
			else
				usleep(50);
		}
		if (!got) {
#ifdef OK
			pthread_mutex_lock(&m);
#else
			skipped++;
			continue;
#endif
		}
		work++;
		pthread_mutex_unlock(&m);
	}
	assert(skipped < 3);
	return arg;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, holder, NULL);
	pthread_create(&b, NULL, worker, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("work %d, skipped %d\n", work, skipped);
	return 0;
}
