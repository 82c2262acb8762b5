//! expect: verified
//! args: --strategy=dfs
/* Each thread counts in its own __thread variable: two threads adding 1000
 * each see 1000 each, with no data race, however they interleave (they
 * yield half-way).  _Thread_local variables start at their initialisers in
 * every thread, and errno is per thread too.  The buggy twin,
 * tls_counter_bug.c, counts in a plain global. */
#include <assert.h>
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>

static __thread int counter;
static _Thread_local int base = 5;
static int *where[2];

static void *count(void *arg)
{
	int id = arg != NULL;

	assert(base == 5 && counter == 0);
	base += id;
	where[id] = &counter;
	errno = 100 + id;
	for (int i = 0; i < 1000; i++) {
		counter++;
		if (i == 500)
			sched_yield();
	}
	assert(counter == 1000);
	assert(base == 5 + id);
	assert(errno == 100 + id);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	base = 7;
	counter = 42;
	pthread_create(&a, NULL, count, NULL);
	pthread_create(&b, NULL, count, (void *)1);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	assert(where[0] != where[1] && where[0] != &counter);
	assert(counter == 42 && base == 7);
	printf("each thread counted to 1000\n");
	return 0;
}
