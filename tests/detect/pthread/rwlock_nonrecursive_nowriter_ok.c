//! expect: verified
/* rwlock_nonrecursive_bug.c where the only writer is joined before the
 * readers start: no writer can queue between a reader's two read holds,
 * so the nested read lock of the writer-preferring rwlock cannot block
 * (natively it prints and exits 0).  It was reported as a deadlock in
 * every schedule; the writers' queue is now modelled, and the nested read
 * deadlocks only where a writer queues in between (a helper's probe). */
#define _GNU_SOURCE
#include <assert.h>
#include <pthread.h>

static pthread_rwlock_t table = PTHREAD_RWLOCK_WRITER_NONRECURSIVE_INITIALIZER_NP;
static int cfg;

static int lookup(void)
{
	int v;

	pthread_rwlock_rdlock(&table);
	v = cfg;
	pthread_rwlock_unlock(&table);
	return v;
}

static void *reader(void *a)
{
	pthread_rwlock_rdlock(&table);
	*(int *)a = cfg + lookup();
	pthread_rwlock_unlock(&table);
	return NULL;
}

static void *writer(void *a)
{
	pthread_rwlock_wrlock(&table);
	cfg = 21;
	pthread_rwlock_unlock(&table);
	return a;
}

int main(void)
{
	pthread_t w, r[2];
	int out[2];

	pthread_create(&w, NULL, writer, NULL);
	pthread_join(w, NULL);
	for (int i = 0; i < 2; i++)
		pthread_create(&r[i], NULL, reader, &out[i]);
	for (int i = 0; i < 2; i++)
		pthread_join(r[i], NULL);
	assert(out[0] == 42 && out[1] == 42);
	return 0;
}
