// A thread of the default stack size (glibc's, RLIMIT_STACK: 8 MiB here)
// writes a local array 40,000 bytes larger than its stack: natively a
// crash in every run.  weft adds room for its own frames below the
// program's stack and checked for an overflow into it only for threads
// created with a size of their own; at the default size this was
// verified (a probe).  stack_default_overflow_ok.c uses half the stack.
//! expect: bug crash
#include <pthread.h>
#include <string.h>

#ifdef FIXED
#define EXTRA 0
#else
#define EXTRA 40000
#endif

static size_t size;

static void *worker(void *a)
{
	size_t n = (size > 0 ? size : 8u << 20) / (EXTRA ? 1 : 2) + EXTRA;
	char big[n];

	memset(big, 1, n);
	*(int *)a = ((volatile char *)big)[64];
	return NULL;
}

int main(void)
{
	pthread_attr_t attr;
	pthread_t t;
	int r = 0;

	pthread_attr_init(&attr);
	pthread_attr_getstacksize(&attr, &size);
	pthread_attr_destroy(&attr);
	pthread_create(&t, NULL, worker, &r);
	pthread_join(t, NULL);
	return r == 1 ? 0 : 1;
}
