//! expect: verified
//! args: iterations=2
/* The default strategy searches exhaustively for half its budget, then
 * samples with PCT.  A search that has run its last schedule when the
 * half is spent is a verification: a program of one long schedule (40 s
 * of the 60 s time budget) was switched to PCT instead, whose run of it
 * again hit the time limit (a probe's inconclusive).  Here the budget is
 * two executions, so the half is spent after the one schedule there is;
 * the search is over then, and the verdict is verified, not pass. */
#include <pthread.h>
#include <stdio.h>

static int total;

static void *work(void *arg)
{
	total += *(int *)arg;
	return NULL;
}

int main(void)
{
	pthread_t t;
	int n = 42;

	pthread_create(&t, NULL, work, &n);
	pthread_join(t, NULL);
	printf("%d\n", total);
	return total != 42;
}
