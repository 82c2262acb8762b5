//! expect: bug crash
//! args: --strategy=dfs
/* Unbounded recursion in main still overflows its (8 MiB) stack and is
 * reported as a crash, a stack overflow, with the schedule.  The correct
 * twin is stack_size_ok.c. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static long limit = 1L << 40;

static long depth(const char *prev, long n)
{
	char frame[512];

	memset(frame, (int)n, sizeof frame);
	if (prev)
		frame[1] = prev[0];
	/* Keep the frame in memory: the compiler may not shrink it. */
	__asm__ volatile("" : : "r"(frame) : "memory");
	if (n >= limit)
		return 0;
	return depth(frame, n + 1) + frame[1];
}

static void *idle(void *arg)
{
	return arg;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, idle, NULL);
	printf("%ld\n", depth(NULL, 0));
	pthread_join(t, NULL);
	return 0;
}
