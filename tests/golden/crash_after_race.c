//! needs: pthread
/* Pins the trace of a crash found after a data race: the race, found in
 * the first execution (main's store of the pointer, then the worker's
 * load), makes the load a scheduling point, and a later execution loads
 * the pointer before main stores it, and crashes on it.  That trace drew
 * the first execution's racing store and load too (a store that never
 * happened in the crashing execution, drawn before the load that read
 * NULL): it now draws only the crashing execution's steps. */
#include <pthread.h>
#include <stdlib.h>

struct s {
	long pad, state;
} *shared;

static void *worker(void *arg)
{
	(void)arg;
	return (void *)shared->state;
}

int main(void)
{
	pthread_t t;
	struct s *p = malloc(sizeof *p);

	p->state = 0;
	pthread_create(&t, NULL, worker, NULL);
	shared = p;
	pthread_join(t, NULL);
	free(p);
	return 0;
}
