//! expect: verified
//! args: --strategy=dfs
/* A write blocked for room is a cancellation point too: the worker
 * writes more than a pipe holds and nobody reads, so its write waits for
 * ever unless a request ends it; main cancels it and joins, and the join
 * returns PTHREAD_CANCELED (writev, which waits as write does).  weft
 * took the wait for no cancellation point and reported a deadlock (a
 * probe).  cancel_write_block_bug.c holds a mutex across the write with
 * no cleanup handler: the cancelled worker ends holding it. */
#include <assert.h>
#include <pthread.h>
#include <sys/uio.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int p[2];
static char big[70000]; /* more than a pipe's 64 KiB */

static void *worker(void *a)
{
	struct iovec v[2] = { { big, 4 }, { big, sizeof big } };

#ifdef CANCEL_WRITE_BUG
	pthread_mutex_lock(&m);
#endif
	writev(p[1], v, 2);
#ifdef CANCEL_WRITE_BUG
	pthread_mutex_unlock(&m);
#endif
	return a;
}

int main(void)
{
	pthread_t t;
	void *r;

	if (pipe(p))
		return 1;
	pthread_create(&t, NULL, worker, NULL);
	pthread_cancel(t);
	pthread_join(t, &r);
	assert(r == PTHREAD_CANCELED);
	pthread_mutex_lock(&m);
	pthread_mutex_unlock(&m);
	return 0;
}
