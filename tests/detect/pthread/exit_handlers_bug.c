//! expect: bug assertion
//! args: --strategy=dfs
/* The twin of exit_handlers_ok.c with its check registered last, so it
 * runs first, before the handlers it checks: the assertion fails, as it
 * does natively. */
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

	atexit(first);
	atexit(check);
	pthread_create(&t, NULL, worker, NULL);
	pthread_join(t, NULL);
	return 0;
}
