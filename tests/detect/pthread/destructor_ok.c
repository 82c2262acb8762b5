//! expect: verified
//! args: --strategy=dfs
/* The twin of destructor_bug.c: main joins the worker before it returns,
 * so the destructor finds everything closed in every schedule. */
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
	pthread_join(t, NULL);
	return 0;
}
