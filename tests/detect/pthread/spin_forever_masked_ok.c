//! expect: verified
/* spin_forever_detached_ok.c in a program that blocks every signal first,
 * as daemons do (sigfillset, pthread_sigmask).  The probe of the stuck
 * thread could not be delivered (a time limit after 65 s), and with
 * SIGTRAP blocked its single-stepping killed the process ("bug (crash)"):
 * the probe's signal is kept out of the program's masks, and the stepping
 * unblocks SIGTRAP while it runs. */
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
	sigset_t all, old;

	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	pthread_create(&t, NULL, spinner, NULL);
	pthread_detach(t);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	sigprocmask(SIG_BLOCK, &all, NULL);
	printf("bye\n");
	return 0;
}
