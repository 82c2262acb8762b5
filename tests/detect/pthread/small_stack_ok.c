//! expect: verified
/* A thread created with a 64 KiB stack uses 24 KB of it.  Its buggy
 * twin, small_stack_bug.c, uses 100 KB: natively a crash on every run,
 * and verified by weft, whose room for its own frames on the thread's
 * stack let it through (found by a probe of awkward programs). */
#include <pthread.h>

#ifndef USE
#define USE 24000
#endif

static void *user(void *arg)
{
	volatile char big[USE];

	(void)arg;
	for (int i = 0; i < USE; i += 64)
		big[i] = 1;
	return (void *)(long)big[USE / 2];
}

int main(void)
{
	pthread_attr_t at;
	pthread_t t;

	pthread_attr_init(&at);
	pthread_attr_setstacksize(&at, 65536);
	if (pthread_create(&t, &at, user, NULL))
		return 2;
	pthread_join(t, NULL);
	pthread_attr_destroy(&at);
	return 0;
}
