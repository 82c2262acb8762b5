//! expect: verified
//! args: --strategy=dfs
/* The correct twin of rwlock_nonrecursive_bug.c: with a writer-preferring
 * rwlock whose read locks do not nest, the helper the reader calls under
 * its read hold expects the caller to hold the lock instead of taking it
 * again (weft-cc defines _GNU_SOURCE, which the initialiser needs). */
#define _GNU_SOURCE /* the _np extensions, as a program using them defines */
#include <assert.h>
#include <pthread.h>

static pthread_rwlock_t table_lock =
	PTHREAD_RWLOCK_WRITER_NONRECURSIVE_INITIALIZER_NP;
static int key = 1, value = 2; /* value == 2 * key under table_lock */

/* The caller holds table_lock for reading. */
static int lookup_locked(void)
{
	return value;
}

static void *writer(void *a)
{
	(void)a;
	pthread_rwlock_wrlock(&table_lock);
	key++;
	value = 2 * key;
	pthread_rwlock_unlock(&table_lock);
	return NULL;
}

int main(void)
{
	pthread_t w;
	int k, v;

	pthread_create(&w, NULL, writer, NULL);
	pthread_rwlock_rdlock(&table_lock);
	k = key;
	v = lookup_locked();
	assert(v == 2 * k);
	pthread_rwlock_unlock(&table_lock);
	pthread_join(w, NULL);
	return 0;
}
