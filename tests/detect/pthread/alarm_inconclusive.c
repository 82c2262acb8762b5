//! expect: inconclusive
/* A watchdog: alarm(1), then a computation that takes longer, so the
 * process dies of SIGALRM natively (status 142).  weft delivers no
 * signal, and its sleep runs on a virtual clock, so this was verified;
 * a handler that sets a flag another thread polls was a livelock.  The
 * alarm is refused at once (found by two probes of ordinary pthread
 * programs).  signal_later_ok.c uses the calls in ways that send
 * nothing. */
#include <pthread.h>
#include <unistd.h>

static void *slow(void *arg)
{
	sleep(2);
	return arg;
}

int main(void)
{
	pthread_t t;

	alarm(1);
	pthread_create(&t, NULL, slow, NULL);
	pthread_join(t, NULL);
	return 0;
}
