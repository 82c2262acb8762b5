// Open (see README.md here): a client publishes a request and polls its
// completion flag until a 10 ms deadline read from CLOCK_MONOTONIC; on
// time-out it frees the request, which the server may still answer
// (use-after-free).  Natively the deadline passes whenever the server is
// kept off the processor for 10 ms.  `--strategy=dfs` says verified: the
// give-up probe runs the poller alone, but its clock reads advance the
// virtual clock by a microsecond each, so 10 ms take more steps than a
// run alone lasts (a quarter of --max-steps).  A deadline of 500 us is
// found.
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>

struct request {
	atomic_int done;
	int reply;
};

static _Atomic(struct request *) inbox;

static void *server(void *arg)
{
	struct request *r;

	(void)arg;
	while (!(r = atomic_load_explicit(&inbox, memory_order_acquire)))
		;
	r->reply = 7;
	atomic_store_explicit(&r->done, 1, memory_order_release);
	return NULL;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(void)
{
	pthread_t s;
	struct request *r = calloc(1, sizeof *r);
	double deadline;

	pthread_create(&s, NULL, server, NULL);
	atomic_store_explicit(&inbox, r, memory_order_release);
	deadline = now() + 0.010;
	while (!atomic_load_explicit(&r->done, memory_order_acquire))
		if (now() >= deadline)
			break;
	free(r);
	pthread_join(s, NULL);
	return 0;
}
