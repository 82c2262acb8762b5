//! expect: bug exit-status
/* main returns a status no process can exit with (the process would exit
 * with its low byte): seldom meant, and most often what a main declared
 * void leaves in the return register, so the report says so
 * (tests/cli/reports.sh reads it).  A clean run returns 0: the twin is
 * exit_status_ok.c. */
#include <pthread.h>
#include <stdatomic.h>

static atomic_int counter;

static void *inc(void *arg)
{
	atomic_fetch_add(&counter, 1);
	return arg;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, inc, NULL);
	pthread_join(t, NULL);
	return 1000 + atomic_load(&counter);
}
