//! expect: bug data-race
/* A volatile flag used for message passing.  volatile is no
 * synchronisation in C11: as in ThreadSanitizer, its accesses are
 * ordinary accesses that race (kernel code, which uses volatile as a
 * marked access, opts out through the kernel model headers).
 * volatile_ok.c uses an atomic flag. */
#include <pthread.h>
#include <sched.h>

static int data;
static volatile int flag;

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
