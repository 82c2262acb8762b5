//! expect: bug data-race
//! args: --strategy=dfs
/* A producer fills a buffer and raises a plain flag; the consumer polls
 * the flag and reads the buffer.  The flag gives no ordering: a data race
 * on both.  publish_ok.c uses a C11 release store / acquire load. */
#include <pthread.h>
#include <sched.h>

static int data;
static int ready;

static void *producer(void *arg)
{
	(void)arg;
	data = 42;
	ready = 1;
	return NULL;
}

int main(void)
{
	pthread_t p;
	int seen = 0;

	pthread_create(&p, NULL, producer, NULL);
	if (ready)
		seen = data;
	pthread_join(p, NULL);
	return seen == 42 || seen == 0 ? 0 : 1;
}
