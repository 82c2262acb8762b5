//! expect: verified
//! args: --strategy=dfs
/* hcreate, hsearch and hdestroy share one hidden table of the C
 * library's (glibc: MT-Unsafe race:hsearch).  Two threads add a key
 * each under a mutex, and main finds both after the joins.  Every
 * execution makes the table afresh: hcreate fails while a table exists,
 * and the one an execution made is gone when the next begins (it was
 * not, and hcreate failed from the second execution on).  hsearch_bug.c
 * adds without the mutex: a data race on hsearch's table, which weft
 * verified (a probe). */
#include <assert.h>
#include <pthread.h>
#include <search.h>
#include <stddef.h>

#ifndef HSEARCH_BUG
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
#endif
static char *keys[2] = { "alpha", "beta" };

static void *adder(void *a)
{
	ENTRY e = { keys[(long)a], a };

#ifndef HSEARCH_BUG
	pthread_mutex_lock(&m);
#endif
	assert(hsearch(e, ENTER) != NULL);
#ifndef HSEARCH_BUG
	pthread_mutex_unlock(&m);
#endif
	return NULL;
}

int main(void)
{
	pthread_t t[2];

	assert(hcreate(16));
	for (long i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, adder, (void *)i);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	for (long i = 0; i < 2; i++) {
		ENTRY q = { keys[i], NULL };
		ENTRY *r = hsearch(q, FIND);
		assert(r && r->data == (void *)i);
	}
	return 0;
}
