//! expect: verified unexplored=reuse_unexplored
//! args: --strategy=dfs
/* The narrowest case of reuse_unexplored (src/detect/heap_reuse.c): main
 * publishes a block's address through an atomic, replaces it, frees it
 * and then allocates a block of the same size, which a real allocator
 * may put at the freed address; a reader that compares addresses could
 * take the new block for the old one (ptr_cache_aba_bug.c).  Nothing
 * here goes wrong, but the verdict must say that the reuse was not
 * explored.  The twin publishes the same blocks and frees them only
 * after its last allocation: no address could have been reused, and
 * the verdict has no clause. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

static _Atomic(int *) slot;

static void *reader(void *a)
{
	(void)a;
	return atomic_load(&slot) ? NULL : NULL;
}

int main(void)
{
	pthread_t t;
	int *a = malloc(sizeof *a), *b;

	atomic_store(&slot, a);
	pthread_create(&t, NULL, reader, NULL);
#ifdef OK
	b = malloc(sizeof *b);
	atomic_store(&slot, b);
	pthread_join(t, NULL);
	free(a);
#else
	atomic_store(&slot, NULL);
	free(a);
	b = malloc(sizeof *b);
	atomic_store(&slot, b);
	pthread_join(t, NULL);
#endif
	free(b);
	return 0;
}
