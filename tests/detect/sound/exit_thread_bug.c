//! expect: bug assertion
/* A thread calls exit() while main goes on: if the thread's exit comes
 * first, the process ends cleanly; if main gets past its yield first, its
 * assertion fails.  The first execution explored (main yields, the thread
 * runs and exits) must not end the search.  exit_thread_ok.c is the
 * correct twin. */
#include <assert.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>

static void *quitter(void *arg)
{
	(void)arg;
	exit(0);
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, quitter, NULL);
	sched_yield();
	assert(!"main outlived the exit");
	return 0;
}
