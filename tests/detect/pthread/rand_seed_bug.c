//! expect: bug data-race
//! args: --strategy=dfs
/* rand_seed_ok.c without the lock: the threads' additions race.  weft
 * still finds the race, and its replay token reproduces it, because the
 * random numbers are the same in every execution. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int rounds[2], counter;

static void *work(void *arg)
{
	int n = *(int *)arg;

	for (int i = 0; i < n; i++)
		counter += rand() % 2 + 1;
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	srand((unsigned)time(NULL));
	rounds[0] = rand() % 3 + 1;
	rounds[1] = rand() % 3 + 1;
	pthread_create(&a, NULL, work, &rounds[0]);
	pthread_create(&b, NULL, work, &rounds[1]);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("counter %d\n", counter);
	return 0;
}
