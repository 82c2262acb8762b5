//! expect: bug assertion
//! args: --strategy=dfs
/* The program's destructor runs at exit, as natively, after the atexit
 * handlers: here it checks that the worker closed what it opened, which
 * the worker does only if it ran before main returned.  Natively the
 * assertion fails when main returns first.  destructor_ok.c joins the
 * worker. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

static atomic_int opened;

__attribute__((destructor)) static void check_closed(void)
{
	assert(atomic_load(&opened) == 0);
}

static void *worker(void *arg)
{
	atomic_store(&opened, 0);
	return arg;
}

int main(void)
{
	pthread_t t;

	atomic_store(&opened, 1);
	pthread_create(&t, NULL, worker, NULL);
	pthread_detach(t);
	return 0;
}
