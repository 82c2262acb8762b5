//! expect: verified
/* The twin of volatile_bug.c: the flag is a C11 atomic (sequentially
 * consistent), which orders the write of data before the read. */
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>

static int data;
static atomic_int flag;

static void *writer(void *arg)
{
	(void)arg;
	data = 42;
	flag = 1;
	return NULL;
}

int main(void)
{
	pthread_t t;
	int seen = 0;

	pthread_create(&t, NULL, writer, NULL);
	while (!flag)
		sched_yield();
	seen = data;
	pthread_join(t, NULL);
	return seen == 42 ? 0 : 1;
}
