//! expect: verified
/* A program that closes its standard input, then runs two threads.  weft's symbolizer (an addr2line child fed through a pipe) got
 * the pipe's ends as fds 0 and 1: its read end was closed in the child,
 * addr2line exited, and weft's next question killed the worker with
 * SIGPIPE, reported as a crash of this correct program (and a report's
 * source locations were all ?:0 once stdout was closed).
 * closed_stdin_bug.c drops the lock and closes stdout too. */
#include <pthread.h>
#include <unistd.h>

static __attribute__((unused)) pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int counter;

static void *bump(void *arg)
{
	(void)arg;
#ifndef CLOSED_STDIN_BUG
	pthread_mutex_lock(&m);
#endif
	counter++;
#ifndef CLOSED_STDIN_BUG
	pthread_mutex_unlock(&m);
#endif
	return NULL;
}

int main(void)
{
	pthread_t t[2];

	close(0);
#ifdef CLOSED_STDIN_BUG
	close(1);
#endif
	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, bump, NULL);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
#ifdef CLOSED_STDIN_BUG
	return 0;
#else
	return counter == 2 ? 0 : 1;
#endif
}
