//! expect: pass
//! args: --strategy=pos --iterations=3000
/* pos_late_write_bug.c with a check that holds in every order: the
 * partial order sampling strategy runs its budget and reports a pass. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

static pthread_mutex_t mine = PTHREAD_MUTEX_INITIALIZER;
static atomic_int flag;

static void *worker(void *arg)
{
	(void)arg;
	for (int i = 0; i < 20; i++) {
		pthread_mutex_lock(&mine);
		pthread_mutex_unlock(&mine);
	}
	atomic_store(&flag, 1);
	return NULL;
}

static void *checker(void *arg)
{
	(void)arg;
	int v = atomic_load(&flag);

	assert(v == 0 || v == 1);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, worker, NULL);
	pthread_create(&b, NULL, checker, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
