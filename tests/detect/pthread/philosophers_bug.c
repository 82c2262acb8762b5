//! expect: bug deadlock
/* Five philosophers each take the fork on their left, then the one on
 * their right: all five can hold one fork and wait for the next, a
 * cycle.  philosophers_ok.c has each take the lower-numbered fork first.
 * The forks are an array of mutexes, named by index in the report
 * ("forks[1]", not "forks+40": tests/cli/array_names.sh). */
#include <pthread.h>

#define N 5

static pthread_mutex_t forks[N];
int ate[N];

static void *philosopher(void *arg)
{
	int n = (int)(long)arg, left = n, right = (n + 1) % N;
	int first = left, second = right;

#ifdef PHILOSOPHERS_ORDERED
	if (first > second) {
		first = right;
		second = left;
	}
#endif
	pthread_mutex_lock(&forks[first]);
	pthread_mutex_lock(&forks[second]);
	ate[n] = 1;
	pthread_mutex_unlock(&forks[second]);
	pthread_mutex_unlock(&forks[first]);
	return NULL;
}

int main(void)
{
	pthread_t t[N];

	for (int i = 0; i < N; i++)
		pthread_mutex_init(&forks[i], NULL);
	for (long i = 0; i < N; i++)
		pthread_create(&t[i], NULL, philosopher, (void *)i);
	for (int i = 0; i < N; i++)
		pthread_join(t[i], NULL);
	for (int i = 0; i < N; i++)
		if (!ate[i])
			return 1;
	return 0;
}
