//! expect: bug use-after-free
/* A barrier, a spinlock and a once flag in freed memory, each used by a
 * worker after main freed its block.  The models of these three kept
 * their state in the program's object (or aside, for the spinlock)
 * without checking the block: each was verified, where a mutex or a
 * semaphore in freed memory was a use-after-free.  sync_freed_ok.c frees
 * each block after its last use. */
#include <pthread.h>
#include <stdlib.h>

struct objs {
	pthread_barrier_t bar;
	pthread_spinlock_t spin;
	pthread_once_t once;
};

static struct objs *o;
static int inits;

static void init(void)
{
	inits++;
}

static void *worker(void *arg)
{
	int r = pthread_barrier_wait(&o->bar);

	(void)arg;
	pthread_spin_lock(&o->spin);
	pthread_spin_unlock(&o->spin);
	pthread_once(&o->once, init);
	(void)r;
	return NULL;
}

int main(void)
{
	pthread_t t[2];

	o = malloc(sizeof *o);
	pthread_barrier_init(&o->bar, NULL, 2);
	pthread_spin_init(&o->spin, 0);
	o->once = PTHREAD_ONCE_INIT;
	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, worker, NULL);
	free(o); /* the workers may not have arrived */
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	return 0;
}
