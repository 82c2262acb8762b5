//! expect: bug deadlock
//! args: --strategy=dfs
/* rwlock_recursive_read_ok.c with a writer-preferring rwlock whose read
 * locks do not nest (PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP): the
 * nested read lock queues behind a writer that waits for the reader's
 * first hold, and both wait for ever, in the schedules where the writer
 * queues between the two read locks (rwlock_nonrecursive_nowriter_ok.c
 * has no writer left to queue).  The
 * kind is set through the attribute here (pthread_rwlock_init keeps it),
 * with the static initialiser in the twin, rwlock_nonrecursive_ok.c. */
#include <assert.h>
#include <pthread.h>

static pthread_rwlock_t table_lock;
static int key = 1, value = 2; /* value == 2 * key under table_lock */

static int lookup(void)
{
	int v;

	pthread_rwlock_rdlock(&table_lock);
	v = value;
	pthread_rwlock_unlock(&table_lock);
	return v;
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
	pthread_rwlockattr_t attr;
	pthread_t w;
	int k, v;

	pthread_rwlockattr_init(&attr);
	pthread_rwlockattr_setkind_np(&attr,
				      PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP);
	pthread_rwlock_init(&table_lock, &attr);
	pthread_rwlockattr_destroy(&attr);
	pthread_create(&w, NULL, writer, NULL);
	pthread_rwlock_rdlock(&table_lock);
	k = key;
	v = lookup();
	assert(v == 2 * k);
	pthread_rwlock_unlock(&table_lock);
	pthread_join(w, NULL);
	return 0;
}
