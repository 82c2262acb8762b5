//! expect: bug data-race
//! args: --strategy=dfs
/* Built with _FORTIFY_SOURCE, the strcpy into a buffer of known size goes
 * to glibc's checked __strcpy_chk; the race between that copy and main's
 * strlen of the buffer must still be seen.  The locked twin is
 * fortify_ok.c. */
#ifndef _FORTIFY_SOURCE
#define _FORTIFY_SOURCE 2
#endif
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static char state[32] = "idle";
static char next[32] = "running";

static void *worker(void *arg)
{
	strcpy(state, arg);
	return NULL;
}

int main(void)
{
	pthread_t t;
	size_t n;

	pthread_create(&t, NULL, worker, next);
	n = strlen(state);
	pthread_join(t, NULL);
	printf("%zu\n", n);
	return 0;
}
