//! expect: verified
//! args: --strategy=dfs
/* one_cond_signal_bug's buffer waking with pthread_cond_broadcast: the
 * producer a consumer makes room for is always among the woken. */
#include <assert.h>
#include <pthread.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int count, total;

#ifdef ONE_COND_SIGNAL_BUG
#define WAKE pthread_cond_signal
#else
#define WAKE pthread_cond_broadcast
#endif
static void *producer(void *a)
{
	(void)a;
	pthread_mutex_lock(&m);
	while (count == 1) pthread_cond_wait(&cv, &m);
	count = 1;
	WAKE(&cv);
	pthread_mutex_unlock(&m);
	return NULL;
}
static void *consumer(void *a)
{
	(void)a;
	pthread_mutex_lock(&m);
	while (count == 0) pthread_cond_wait(&cv, &m);
	count = 0; total++;
	WAKE(&cv);
	pthread_mutex_unlock(&m);
	return NULL;
}
int main(void)
{
	pthread_t t[4];
	pthread_create(&t[0], NULL, consumer, NULL);
	pthread_create(&t[1], NULL, consumer, NULL);
	pthread_create(&t[2], NULL, producer, NULL);
	pthread_create(&t[3], NULL, producer, NULL);
	for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
	assert(total == 2);
	return 0;
}
