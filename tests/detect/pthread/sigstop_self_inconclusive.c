//! expect: inconclusive
/* raise(SIGSTOP) stops the whole process until another process sends it
 * SIGCONT, which weft does not model: the execution ends at the call as
 * `unsupported: SIGSTOP`, at once (the stopped worker hung the search
 * until the time limit; a probe). */
#include <pthread.h>
#include <signal.h>

static void *worker(void *arg)
{
	(void)arg;
	raise(SIGSTOP);
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, worker, NULL);
	pthread_join(t, NULL);
	return 0;
}
