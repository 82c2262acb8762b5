//! expect: bug crash
/* A supervisor kills the process with SIGKILL when it sees the worker
 * half way through an update: in the order where it looks between the
 * two stores, the process dies, natively too.  weft let the signal kill
 * its own worker and reported "inconclusive (killed ... from outside
 * weft)" with no place; it is the program's crash at the call, with its
 * trace (a probe).  sigkill_kill_bug.c sends it by kill(getpid(), ...). */
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef SEND_SIGKILL
#define SEND_SIGKILL() raise(SIGKILL)
#endif

static atomic_int state; /* 0 idle, 1 half updated, 2 done */
static pthread_t worker_th;

static void *worker(void *arg)
{
	(void)arg;
#ifndef FIXED
	atomic_store(&state, 1);
#endif
	atomic_store(&state, 2);
	return NULL;
}

static void *supervisor(void *arg)
{
	(void)arg;
	if (atomic_load(&state) == 1)
		SEND_SIGKILL();
	return NULL;
}

int main(void)
{
	pthread_t b;

	pthread_create(&worker_th, NULL, worker, NULL);
	pthread_create(&b, NULL, supervisor, NULL);
	pthread_join(worker_th, NULL);
	pthread_join(b, NULL);
	return 0;
}
