//! expect: bug crash
//! args: --strategy=dfs
/* A worker takes a spinlock through a pointer main sets only after it
 * starts the worker: where the worker runs first it locks a null
 * pointer, which crashes in glibc.  weft's spinlock model kept the lock
 * aside, keyed by its address, and never read the program's word: the
 * program was verified.  The model now reads it, as glibc does.
 * spin_null_ok.c sets the pointer before it starts the worker. */
#include <pthread.h>

static pthread_spinlock_t lock;
static pthread_spinlock_t *volatile lockp;
static int n;

static void *worker(void *arg)
{
	(void)arg;
	pthread_spin_lock(lockp);
	n++;
	pthread_spin_unlock(lockp);
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_spin_init(&lock, PTHREAD_PROCESS_PRIVATE);
#ifdef SPIN_NULL_OK
	lockp = &lock;
	pthread_create(&t, NULL, worker, NULL);
#else
	pthread_create(&t, NULL, worker, NULL);
	lockp = &lock;
#endif
	pthread_join(t, NULL);
	pthread_spin_destroy(&lock);
	return n == 1 ? 0 : 1;
}
