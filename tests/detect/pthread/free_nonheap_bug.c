//! expect: bug misuse
//! args: --strategy=dfs
/* A worker frees the address of its own local variable, as a buffer that
 * is sometimes on the stack and sometimes from malloc might be: glibc
 * aborts ("free(): invalid pointer").  weft leaves memory it did not
 * allocate to libc's allocator and ignored the free, so the program was
 * verified.  A pointer on a thread's stack, in the program's static data,
 * misaligned or in the first 64 KiB is now a misuse of free (and of
 * realloc).  free_nonheap_ok.c frees only what malloc returned. */
#include <pthread.h>
#include <stdlib.h>

static void *worker(void *arg)
{
	int local = 1;
	int *volatile p = arg; /* (volatile: gcc's own check sees no more) */

#ifndef FREE_NONHEAP_OK
	p = &local; /* the small case: no allocation */
#else
	(void)local;
#endif
	*p += 1;
	free(p);
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, worker, calloc(1, sizeof(int)));
	pthread_join(t, NULL);
	return 0;
}
