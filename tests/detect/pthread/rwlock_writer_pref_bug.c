//! expect: bug deadlock
/* A writer-preferring rwlock (glibc's
 * PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP) lets no new reader in
 * while a writer waits.  main holds the read lock and joins a helper that
 * takes the read lock too; when the writer queued first, the helper waits
 * behind it, the writer waits for main's hold, and main for the helper
 * (natively it hangs).  weft let a reader in whenever no writer held the
 * lock and verified it; the writers' queue is now modelled (a helper's
 * probe).  rwlock_writer_pref_ok.c is the default kind, which prefers
 * readers; with -DTRY (rwlock_writer_pref_try_bug.c) the helper's
 * tryrdlock is refused while the writer waits. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>

#ifdef OK
static pthread_rwlock_t table = PTHREAD_RWLOCK_INITIALIZER;
#else
static pthread_rwlock_t table = PTHREAD_RWLOCK_WRITER_NONRECURSIVE_INITIALIZER_NP;
#endif
static int cfg = 1;

static void *writer(void *a)
{
	pthread_rwlock_wrlock(&table);
	cfg++;
	pthread_rwlock_unlock(&table);
	return a;
}

static void *helper(void *a)
{
#ifdef TRY
	if (pthread_rwlock_tryrdlock(&table) == EBUSY)
		return (void *)1;
#else
	pthread_rwlock_rdlock(&table);
#endif
	*(int *)a = cfg * 10;
	pthread_rwlock_unlock(&table);
	return NULL;
}

int main(void)
{
	pthread_t w, h;
	int part = 0;
	void *busy;

	pthread_rwlock_rdlock(&table);
	pthread_create(&w, NULL, writer, NULL);
	pthread_create(&h, NULL, helper, &part);
	pthread_join(h, &busy);
	pthread_rwlock_unlock(&table);
	pthread_join(w, NULL);
	return busy != NULL;
}
