//! expect: verified
//! args: --strategy=dfs
/* A reader takes a pthread rwlock's read lock and, inside, calls lookup(),
 * which takes the read lock again: POSIX lets a thread hold several read
 * locks on one rwlock, and glibc's default kind (readers preferred) grants
 * the nested one even while a writer waits.  weft used to report the
 * nested read lock as a self-deadlock.  Each unlock gives back one hold:
 * after lookup's unlock the reader still holds the lock, so the writer
 * cannot have changed the table when the reader looks at it again.  The
 * nested lock is taken under stats_lock, which the writer takes under the
 * write lock; a lock that cannot block adds no lock-order edge, so this is
 * no lock-order inversion either.  Twin: rwlock_recursive_read_bug.c. */
#include <assert.h>
#include <pthread.h>

static pthread_rwlock_t table_lock = PTHREAD_RWLOCK_INITIALIZER;
static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static int key = 1, value = 2; /* value == 2 * key under table_lock */
static int lookups;

/* Callers may hold table_lock for reading already. */
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

	/* The simplest case first: two holds, two unlocks, one thread. */
	pthread_rwlock_rdlock(&table_lock);
	pthread_rwlock_rdlock(&table_lock);
	pthread_rwlock_unlock(&table_lock);
	pthread_rwlock_unlock(&table_lock);

	pthread_create(&w, NULL, writer, NULL);
	pthread_rwlock_rdlock(&table_lock);
	k = key;
	pthread_mutex_lock(&stats_lock);
	v = lookup();
	lookups++;
	pthread_mutex_unlock(&stats_lock);
	assert(v == 2 * k);
	assert(value == 2 * k);
	pthread_rwlock_unlock(&table_lock);
	pthread_join(w, NULL);
	assert(key == 2 && value == 4);
	return 0;
}
