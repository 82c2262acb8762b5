// A client polls an atomic completion flag up to 2,000 times (a spin
// limit of the size real libraries use before they block or give up),
// then abandons the request and frees it, while the server may not yet
// have answered: the server then writes freed memory.  giveup_2000_ok.c
// frees only what the server is done with.  The give-up probe ran the
// cut poller alone for at most 1,024 steps and then dropped the run, so
// a loop of more than about 500 tries never reached its give-up path:
// verified (a probe of lock-free pthread programs).  A run alone now
// lasts up to a quarter of --max-steps, and the others run after it.
//! expect: bug use-after-free
#include "giveup_server.h"

#define SPIN_LIMIT 2000

int main(void)
{
	pthread_t s;
	struct request *r;
	int answered = 0;

	pthread_create(&s, NULL, server, NULL);
	r = calloc(1, sizeof *r);
	atomic_store_explicit(&inbox, r, memory_order_release);
	for (int i = 0; i < SPIN_LIMIT && !answered; i++)
		answered = atomic_load_explicit(&r->done, memory_order_acquire);
#ifdef FIXED
	/* Abandoned or not, the request is the server's until it is done. */
	while (!answered)
		answered = atomic_load_explicit(&r->done,
						memory_order_acquire);
#endif
	if (answered && r->reply != 7)
		abort();
	free(r);
	pthread_join(s, NULL);
	return 0;
}
