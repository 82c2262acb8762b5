//! expect: bug assertion
//! args: --strategy=dfs
/* quick_exit() ends the process like exit() but runs only the handlers
 * registered with at_quick_exit, last first.  The handler here checks the
 * worker's count, which the worker may not have made yet: main does not
 * join it.  quick_exit_ok.c joins first. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

static atomic_int done;

static void check_done(void)
{
	assert(atomic_load(&done) == 1);
}

static void *worker(void *arg)
{
	atomic_fetch_add(&done, 1);
	return arg;
}

int main(void)
{
	pthread_t t;

	at_quick_exit(check_done);
	pthread_create(&t, NULL, worker, NULL);
	quick_exit(0);
}
