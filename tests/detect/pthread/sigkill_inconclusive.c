//! expect: inconclusive killed
/* The worker killed by SIGKILL (here by the program itself, standing in
 * for the kernel's out-of-memory killer or a user): nothing says where,
 * and it is no bug of the program.  It was reported as the program's
 * crash, with a replay that diverged (a probe of awkward programs). */
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

static void *worker(void *arg)
{
	(void)arg;
	kill(getpid(), SIGKILL);
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, worker, NULL);
	pthread_join(t, NULL);
	return 0;
}
