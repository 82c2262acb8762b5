//! expect: bug deadlock
//! args: --strategy=dfs
/* rwlock_recursive_read_ok.c where the helper called under the read lock
 * takes the write lock (it refreshes the entry): a thread that holds a
 * read lock and asks for the write lock waits for itself, whatever the
 * rwlock's kind.  Nesting is allowed for read locks only. */
#include <assert.h>
#include <pthread.h>

static pthread_rwlock_t table_lock = PTHREAD_RWLOCK_INITIALIZER;
static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static int key = 1, value = 2; /* value == 2 * key under table_lock */
static int lookups;

/* Callers may hold table_lock for reading already: it deadlocks then. */
static int refresh(void)
{
	int v;

	pthread_rwlock_wrlock(&table_lock);
	value = 2 * key;
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
	pthread_mutex_lock(&stats_lock);
	lookups = 0;
	pthread_mutex_unlock(&stats_lock);
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
	pthread_mutex_lock(&stats_lock);
	v = refresh();
	lookups++;
	pthread_mutex_unlock(&stats_lock);
	assert(v == 2 * k);
	pthread_rwlock_unlock(&table_lock);
	pthread_join(w, NULL);
	return 0;
}
