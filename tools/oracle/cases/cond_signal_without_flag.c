/* weft oracle case (generated from cond_signal_without_flag.json by check.py --write-cases)
 *
 * cond_signal_without_flag: main signals but never sets the flag: if
 * the waiter checks the flag after the signal, it waits for good (a
 * state where only a spurious wakeup could move is a deadlock); if it
 * was already waiting, the signal wakes it, it sees no flag and waits
 * again. */
#include <assert.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <weft/weft.h>

atomic_int x0 = 0;
int g0 = 0;
pthread_mutex_t m0 = PTHREAD_MUTEX_INITIALIZER;
pthread_cond_t c0 = PTHREAD_COND_INITIALIZER;
pthread_t th[2];

static void *t1(void *arg)
{
	int r = 0;
	(void)arg;
	pthread_mutex_lock(&m0);
	while (!(g0)) {
		pthread_cond_wait(&c0, &m0);
	}
	r = atomic_load(&x0);
	pthread_mutex_unlock(&m0);
	assert((r == 1));
	return NULL;
}

int main(void)
{
	pthread_create(&th[1], NULL, t1, NULL);
	atomic_store(&x0, 1);
	pthread_mutex_lock(&m0);
	pthread_cond_signal(&c0);
	pthread_mutex_unlock(&m0);
	pthread_join(th[1], NULL);
	return 0;
}
