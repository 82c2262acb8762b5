// A client waits for its reply in ticks of 1 ms (sem_timedwait) and gives
// up after 100 of them, freeing the request, while the server may still
// write its reply into it and post: a use-after-free whenever the server
// is slow for 100 ms.  timedwait_giveup_ok.c waits on after giving up
// until the server is done.  A give-up probe runs the cut client alone,
// but its timed waits, a choice between timing out and waiting on, took
// the first value past the probe's decisions, waiting on: the server came
// and posted, and the loop never gave up, so 67 ticks or more were
// verified (a probe of timeouts; sem_timedwait, pthread_mutex_timedlock,
// the rwlock's timed locks, pthread_timedjoin_np and C++'s try_lock_for
// alike; the condition variable's timed wait was found).  The spinner of
// a probe now times out where it can (weft__choose_timeout).
//! expect: bug use-after-free
#include <pthread.h>
#include <semaphore.h>
#include <stdlib.h>
#include <time.h>

struct request {
	sem_t done;
	int reply;
};

static struct request *req;

static void *server(void *arg)
{
	(void)arg;
	req->reply = 42;
	sem_post(&req->done);
	return NULL;
}

int main(void)
{
	pthread_t s;
	int answered = 0;

	req = calloc(1, sizeof *req);
	sem_init(&req->done, 0, 0);
	pthread_create(&s, NULL, server, NULL);
	for (int tick = 0; tick < 100 && !answered; tick++) {
		struct timespec dl;

		clock_gettime(CLOCK_REALTIME, &dl);
		dl.tv_nsec += 1000000;
		if (dl.tv_nsec >= 1000000000) {
			dl.tv_sec++;
			dl.tv_nsec -= 1000000000;
		}
		answered = sem_timedwait(&req->done, &dl) == 0;
	}
#ifdef FIXED
	if (!answered)
		sem_wait(&req->done);
#endif
	/* Abandoned or answered, the request goes; the server is reaped
	 * after. */
	sem_destroy(&req->done);
	free(req);
	pthread_join(s, NULL);
	return 0;
}
