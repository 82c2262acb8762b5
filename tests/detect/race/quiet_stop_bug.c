//! expect: bug data-race
//! args: --strategy=dfs --iterations=0 --time-limit=0
/* Twenty threads each write their slot and read their neighbour's: data
 * races in the first execution.  The search then looks for worse
 * consequences, and with the racing accesses as scheduling points every
 * neighbouring pair can go either way: about a million executions, all
 * run before the verdict when there is no budget (with the default
 * budget, the verdict came after the whole time limit: a minute for a
 * program of 150 threads).  Now a search that has a finding stops once
 * 10,000 executions in a row found nothing new. */
#include <pthread.h>

#define N 20

long slot[N], seen[N];

static void *worker(void *arg)
{
	long i = (long)arg;

	slot[i] = i + 1;
	seen[i] = slot[(i + 1) % N];
	return NULL;
}

int main(void)
{
	pthread_t t[N];
	long sum = 0;

	for (long i = 0; i < N; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	for (int i = 0; i < N; i++)
		pthread_join(t[i], NULL);
	for (int i = 0; i < N; i++)
		sum += seen[i];
	return sum < 0;
}
