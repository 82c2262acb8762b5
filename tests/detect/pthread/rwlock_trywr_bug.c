//! expect: bug assertion
//! args: --strategy=dfs
/* A write trylock that fails because main holds the lock for reading,
 * against main's unlock: the trylock succeeds when it comes after the
 * unlock.  A failed trylock and a reader's unlock were both reads of the
 * lock for the explorer, which took them for commuting, and never ran
 * that order once the threads had synchronised (a review found it
 * verified).  rwlock_trywr_ok.c accepts both outcomes. */
#include <assert.h>
#include <pthread.h>
#include <semaphore.h>

static pthread_rwlock_t l = PTHREAD_RWLOCK_INITIALIZER;
static sem_t started;
int won;

static void *trier(void *arg)
{
	(void)arg;
	sem_post(&started);
	if (pthread_rwlock_trywrlock(&l) == 0) {
		won = 1;
		pthread_rwlock_unlock(&l);
	}
	return NULL;
}

int main(void)
{
	pthread_t t;

	sem_init(&started, 0, 0);
	pthread_rwlock_rdlock(&l);
	pthread_create(&t, NULL, trier, NULL);
	sem_wait(&started);
	pthread_rwlock_unlock(&l);
	pthread_join(t, NULL);
#ifndef RWLOCK_TRYWR_OK
	assert(!won);
#endif
	return 0;
}
