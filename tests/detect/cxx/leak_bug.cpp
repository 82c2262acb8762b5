//! expect: bug leak
//! args: --strategy=dfs
/* A worker allocates with new and loses the pointer: a leak, seen because
 * operator new allocates from weft's tracked heap (delete_ok.cpp frees
 * what it allocates). */
#include <pthread.h>

int *last; /* not static: the allocation must stay */

static void *worker(void *)
{
	last = new int(1);
	return nullptr;
}

int main()
{
	pthread_t t;

	pthread_create(&t, nullptr, worker, nullptr);
	pthread_join(t, nullptr);
	last = nullptr; /* the block is now unreachable */
	return 0;
}
