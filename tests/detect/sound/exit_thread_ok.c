//! expect: verified
/* The twin of exit_thread_bug.c: main waits for the thread, whose exit()
 * ends the process, so main's assertion is never reached. */
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
	pthread_join(t, NULL);
	assert(!"main outlived the exit");
	return 0;
}
