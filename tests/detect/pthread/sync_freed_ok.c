//! expect: verified
/* The fixed twin of sync_freed_bug.c: main frees the block after joining
 * the workers, and a heap barrier is destroyed and freed by its serial
 * thread right after the wait (glibc's destroy waits for the waiters to
 * leave, so this is allowed). */
#include <pthread.h>
#include <stdlib.h>

struct objs {
	pthread_barrier_t bar;
	pthread_spinlock_t spin;
	pthread_once_t once;
};

static struct objs *o;
static pthread_barrier_t *bar;
static int inits;

static void init(void)
{
	inits++;
}

static void *worker(void *arg)
{
	int r;

	(void)arg;
	pthread_spin_lock(&o->spin);
	pthread_spin_unlock(&o->spin);
	pthread_once(&o->once, init);
	r = pthread_barrier_wait(bar);
	if (r == PTHREAD_BARRIER_SERIAL_THREAD) {
		pthread_barrier_destroy(bar);
		free(bar);
	}
	return NULL;
}

int main(void)
{
	pthread_t t[2];

	o = malloc(sizeof *o);
	bar = malloc(sizeof *bar);
	pthread_barrier_init(bar, NULL, 2);
	pthread_spin_init(&o->spin, 0);
	o->once = PTHREAD_ONCE_INIT;
	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, worker, NULL);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	pthread_spin_destroy(&o->spin);
	free(o);
	return inits == 1 ? 0 : 1;
}
