// A client publishes a request and polls its completion flag until a
// 10 ms deadline read from CLOCK_MONOTONIC; on time-out it frees the
// request, which the server may still answer: a use-after-free whenever
// the server is kept off the processor for 10 ms.  clock_deadline_poll_ok.c
// frees only a request the server is done with.  The give-up probe runs
// the poller alone to its give-up path, but a clock read there moved the
// virtual clock by a microsecond, so 10 ms took more steps than a run
// alone lasts, and the bug was verified (a probe of lock-free pthread
// programs; 500 us was found).  A thread run alone now reads the clock
// as a lone spinner does, a millisecond a read, and a replay token
// carries the run alone (WEFT__CTX_ALONE) so that its replay reads the
// same times.
//! expect: bug use-after-free
#include <time.h>

#include "giveup_server.h"

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
#ifdef FIXED
	/* Given up or not, the request is the server's until it is done. */
	while (!atomic_load_explicit(&r->done, memory_order_acquire))
		;
#endif
	free(r);
	pthread_join(s, NULL);
	return 0;
}
