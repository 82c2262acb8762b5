//! expect: bug crash
//! args: strategy=dfs
/* Outside the SV-COMP convention abort() stays a crash.  This program
 * names no function of the convention (none of its verifier functions,
 * nor its error function), so the abort() in its own check_request is an
 * ordinary crash, not an assumption: the request is read before the
 * setter has run in some interleavings, and is 0 there.  Its twin in the
 * convention, assume_abort_ok.c, prunes those executions instead. */
#include <pthread.h>
#include <stdlib.h>

void check_request(int cond) { if (!cond) { abort(); } }

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int slots;

void *setter(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&m);
	slots = 2;
	pthread_mutex_unlock(&m);
	return 0;
}

int main(void)
{
	pthread_t a;
	int n;

	pthread_create(&a, 0, setter, 0);
	pthread_mutex_lock(&m);
	n = slots;
	pthread_mutex_unlock(&m);
	check_request(n >= 1 && n <= 2);
	pthread_join(a, 0);
	return 0;
}
