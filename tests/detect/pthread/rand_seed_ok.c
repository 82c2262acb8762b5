//! expect: verified
//! args: --strategy=dfs
/* A program that seeds rand() from the clock and lets the numbers decide
 * how much work its threads do: under weft every execution starts from
 * the same random state and the same (virtual) clock, so every execution
 * draws the same numbers and the exploration replays exactly; processor
 * time and C11's clock are virtual too.  The buggy twin, rand_seed_bug.c,
 * forgets the lock. */
#include <assert.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/times.h>
#include <time.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int rounds[2], counter;

static void *work(void *arg)
{
	int n = *(int *)arg;

	for (int i = 0; i < n; i++) {
		pthread_mutex_lock(&lock);
		counter += rand() % 2 + 1;
		pthread_mutex_unlock(&lock);
	}
	return NULL;
}

int main(void)
{
	struct timespec ts;
	struct rusage ru;
	struct tms tm;
	pthread_t a, b;

	srand((unsigned)time(NULL));
	srandom((unsigned)clock());
	rounds[0] = rand() % 3 + 1;
	rounds[1] = (int)(random() % 3) + 1;
	assert(timespec_get(&ts, TIME_UTC) == TIME_UTC);
	assert(getrusage(RUSAGE_SELF, &ru) == 0 && times(&tm) != (clock_t)-1);
	pthread_create(&a, NULL, work, &rounds[0]);
	pthread_create(&b, NULL, work, &rounds[1]);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	assert(counter >= rounds[0] + rounds[1]);
	printf("%d + %d rounds, counter %d\n", rounds[0], rounds[1], counter);
	return 0;
}
