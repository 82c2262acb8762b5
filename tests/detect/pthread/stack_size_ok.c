//! expect: verified
//! args: --strategy=dfs
/* Native stack sizes: main and a default thread hold a 1 MiB local array
 * (glibc gives 8 MiB), a thread created with a 16 MiB stack size holds
 * 12 MiB, and pthread_attr_getstacksize reports what was set.  The buggy
 * twin, stack_size_bug.c, overflows its stack. */
#include <assert.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define MIB (1024 * 1024)

static long fill(size_t n)
{
	volatile char big[n];
	long sum = 0;

	memset((char *)big, 1, n);
	for (size_t i = 0; i < n; i += 4096)
		sum += big[i];
	return sum;
}

static void *small(void *arg)
{
	(void)arg;
	return (void *)fill(1 * MIB);
}

static void *large(void *arg)
{
	(void)arg;
	return (void *)fill(12 * MIB);
}

int main(void)
{
	pthread_attr_t attr;
	pthread_t a, b;
	size_t size = 0;
	void *ra, *rb;

	assert(fill(1 * MIB) == MIB / 4096);
	pthread_attr_init(&attr);
	assert(pthread_attr_setstacksize(&attr, 16 * MIB) == 0);
	assert(pthread_attr_getstacksize(&attr, &size) == 0 && size == 16 * MIB);
	pthread_create(&a, NULL, small, NULL);
	pthread_create(&b, &attr, large, NULL);
	pthread_attr_destroy(&attr);
	pthread_join(a, &ra);
	pthread_join(b, &rb);
	assert((long)ra == MIB / 4096 && (long)rb == 12 * MIB / 4096);
	printf("stacks ok\n");
	return 0;
}
