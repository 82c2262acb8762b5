/* tests/cli/long_adds.c - two threads of 300 atomic additions each, for
 * tests/cli/replay_args.sh: with --max-steps=100 every execution is cut,
 * and the search turns --starve-bound on and runs again (explore/loop.c),
 * so the replay of its token needs that bound too (without it, the replay
 * ran again itself and said "pass"). */
#include <pthread.h>
#include <stdatomic.h>

static atomic_int c;

static void *adder(void *arg)
{
	(void)arg;
	for (int i = 0; i < 300; i++)
		atomic_fetch_add(&c, 1);
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, adder, NULL);
	for (int i = 0; i < 300; i++)
		atomic_fetch_add(&c, 1);
	pthread_join(t, NULL);
	return 0;
}
