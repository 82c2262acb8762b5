//! expect: verified
//! args: --strategy=dfs
/* exit's handlers as the C library runs them, in every execution: last
 * registered first; one registered by a handler runs next; a handler
 * registered before main that calls exit again goes on with the rest
 * instead of running itself again (weft once recursed until the stack
 * overflowed); the destructor runs after them all.  exit_handlers_bug.c
 * registers its check in the order that runs it too early. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

static atomic_int done, steps;

static void second(void)
{
	atomic_fetch_add(&steps, 1);
}

static void first(void)
{
	atexit(second);
	atomic_fetch_add(&steps, 1);
}

static void check(void)
{
	assert(atomic_load(&steps) == 2 && atomic_load(&done) == 1);
}

static void exits_again(void)
{
	exit(0);
}

__attribute__((constructor)) static void setup(void)
{
	atexit(exits_again);
}

__attribute__((destructor)) static void last(void)
{
	assert(atomic_load(&steps) == 2);
}

static void *worker(void *arg)
{
	atomic_store(&done, 1);
	return arg;
}

int main(void)
{
	pthread_t t;

	atexit(check);
	atexit(first);
	pthread_create(&t, NULL, worker, NULL);
	pthread_join(t, NULL);
	return 0;
}
