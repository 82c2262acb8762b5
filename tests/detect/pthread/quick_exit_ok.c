//! expect: verified
//! args: --strategy=dfs
/* The twin of quick_exit_bug.c: main joins the worker before quick_exit,
 * so its handler always finds the count made (and quick_exit ends the
 * process cleanly, as exit does, not as a crash). */
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
	pthread_join(t, NULL);
	quick_exit(0);
}
