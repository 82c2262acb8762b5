//! expect: verified
//! args: --strategy=dfs
/* The worker waits in read() (a cancellation point) for bytes that
 * never come; main cancels it and joins.  The read's wait did not end
 * for the request, and weft reported a deadlock (a review's finding).
 * pipe_cancel_bug.c cancels a worker that holds a mutex as it waits. */
#define _GNU_SOURCE
#include <assert.h>
#include <pthread.h>
#include <unistd.h>
static int p[2];
static void *w(void *a)
{
	char c;
	read(p[0], &c, 1);
	return a;
}
int main(void)
{
	pthread_t t;
	void *res;
	pipe(p);
	pthread_create(&t, 0, w, 0);
	pthread_cancel(t);
	pthread_join(t, &res);
	assert(res == PTHREAD_CANCELED);
	return 0;
}
