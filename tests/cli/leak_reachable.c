/* A block still reachable from a global at the end: a leak only under
 * leaks=all (tests/cli/replay_args.sh: the printed replay command
 * carries the option, or its replay is a pass). */
#include <pthread.h>
#include <stdlib.h>

void *kept;

static void *keep(void *arg)
{
	(void)arg;
	kept = malloc(10);
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, keep, NULL);
	pthread_join(t, NULL);
	return 0;
}
