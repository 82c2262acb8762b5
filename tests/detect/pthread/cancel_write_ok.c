//! expect: verified
//! args: --strategy=dfs
/* write, send, sendmsg and the like are cancellation points: a request
 * pending when the worker sends acts there.  The worker holds a mutex
 * across the send, and a cleanup handler unlocks it, so main's lock
 * after the join gets it whether the worker was cancelled at the send or
 * finished.  cancel_write_bug.c has no handler: cancelled at the send,
 * the worker ends holding the mutex and main's lock waits for ever.
 * weft verified it, the send being no cancellation point (a probe). */
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_barrier_t b;
static int sv[2];

static void unlock(void *a)
{
	(void)a;
	pthread_mutex_unlock(&m);
}

static void *worker(void *a)
{
	/* Not a cancellation point: the request waits for the send. */
	pthread_barrier_wait(&b);
	pthread_mutex_lock(&m);
#ifndef CANCEL_WRITE_BUG
	pthread_cleanup_push(unlock, NULL);
#endif
	send(sv[0], "x", 1, 0);
#ifndef CANCEL_WRITE_BUG
	pthread_cleanup_pop(0);
#endif
	unlock(NULL);
	return a;
}

int main(void)
{
	pthread_t t;

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv))
		return 1;
	pthread_barrier_init(&b, NULL, 2);
	pthread_create(&t, NULL, worker, NULL);
	pthread_cancel(t);
	pthread_barrier_wait(&b);
	pthread_join(t, NULL);
	pthread_mutex_lock(&m);
	pthread_mutex_unlock(&m);
	return 0;
}
