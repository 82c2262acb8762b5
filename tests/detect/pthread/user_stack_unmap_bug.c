// user_stack_free_bug.c's mistake with a mapped stack: munmap while the
// thread may still run on it.
//! expect: bug use-after-free
#include <pthread.h>
#include <sys/mman.h>

#define STACK (256 * 1024)

static void *worker(void *arg)
{
	volatile long scratch[8];

	for (int i = 0; i < 8; i++)
		scratch[i] = i;
	return (void *)scratch[(long)arg];
}

int main(void)
{
	pthread_attr_t attr;
	pthread_t t;
	void *m = mmap(NULL, STACK, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (m == MAP_FAILED)
		return 2;
	pthread_attr_init(&attr);
	pthread_attr_setstack(&attr, m, STACK);
	pthread_create(&t, &attr, worker, NULL);
	munmap(m, STACK);
	pthread_join(t, NULL);
	return 0;
}
