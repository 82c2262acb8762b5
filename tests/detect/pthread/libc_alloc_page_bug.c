//! expect: bug use-after-free
/* Blocks from glibc's valloc and pvalloc and strings from
 * canonicalize_file_name and tempnam were the C library's, unchecked: a
 * thread reading one after main freed it, and a leak of one, were
 * verified (a helper's probe).  They are on weft's tracked heap now, as
 * memalign's and realpath's are.  Here main frees the valloc block while
 * the reader may still read it; libc_alloc_page_ok.c joins first, and
 * libc_alloc_page_leak_bug.c never frees the canonical name. */
#define _GNU_SOURCE
#include <malloc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *shared;

static void *reader(void *a)
{
	return (void *)(long)(shared[0] + *(char *)a);
}

int main(void)
{
	pthread_t t;
	char *name = canonicalize_file_name("/");
	char *tmp = tempnam(NULL, "weft");
	char *page = pvalloc(10);

	if (!name || !tmp || !page)
		return 2;
	shared = valloc(100);
	strcpy(shared, "x");
	pthread_create(&t, NULL, reader, name);
#ifdef OK
	pthread_join(t, NULL);
	free(shared);
#else
	free(shared);
	pthread_join(t, NULL);
#endif
	free(page);
	free(tmp);
#ifndef LEAK
	free(name);
#endif
	return 0;
}
