// A thread on a stack of the program's own (pthread_attr_setstack), freed
// once the thread has said it is done but before it is joined: the
// thread may still be running on it, and glibc keeps the thread's
// descriptor at its top until pthread_join, so natively this crashes.
// weft ran the thread on a stack of its own and verified the program (a
// probe of ordinary pthread programs).  The fix frees it after the join;
// a second thread's stack, mapped with mmap, is unmapped after its join.
//! expect: bug use-after-free
#include <pthread.h>
#include <stdlib.h>
#include <sys/mman.h>

#define STACK (256 * 1024)

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int done;

static void *worker(void *arg)
{
	volatile long scratch[8];

	for (int i = 0; i < 8; i++)
		scratch[i] = i + (long)arg;
	pthread_mutex_lock(&lock);
	done = 1;
	pthread_cond_signal(&cond);
	pthread_mutex_unlock(&lock);
	return (void *)scratch[3];
}

int main(void)
{
	pthread_attr_t attr;
	pthread_t t;
	void *stack;

	if (posix_memalign(&stack, 4096, STACK))
		return 2;
	pthread_attr_init(&attr);
	pthread_attr_setstack(&attr, stack, STACK);
	pthread_create(&t, &attr, worker, NULL);
	pthread_mutex_lock(&lock);
	while (!done)
		pthread_cond_wait(&cond, &lock);
	pthread_mutex_unlock(&lock);
#ifndef OK
	free(stack);
#endif
	pthread_join(t, NULL);
#ifdef OK
	free(stack);
	/* A mapped stack, unmapped after the join. */
	void *m = mmap(NULL, STACK, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED)
		return 2;
	pthread_attr_setstack(&attr, m, STACK);
	pthread_create(&t, &attr, worker, (void *)1);
	pthread_join(t, NULL);
	munmap(m, STACK);
#endif
	pthread_attr_destroy(&attr);
	return 0;
}
