//! expect: verified
/* A detached thread that loops for ever (a jump to itself) while main
 * prints and returns: natively the process ends with main, and the loop
 * with it.  Before the watchdog's probe parked the spinner, the first
 * execution never came back from it: inconclusive after 65 s.
 * spin_forever_masked_ok.c blocks every signal around it (MASKED). */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>

static void *spinner(void *arg)
{
	(void)arg;
	for (;;)
		;
	return NULL;
}

int main(void)
{
	pthread_t t;
#ifdef MASKED
	sigset_t all, old;

	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
#endif
	pthread_create(&t, NULL, spinner, NULL);
	pthread_detach(t);
#ifdef MASKED
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	sigprocmask(SIG_BLOCK, &all, NULL);
#endif
	printf("bye\n");
	return 0;
}
