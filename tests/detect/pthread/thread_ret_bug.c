//! expect: bug assertion
//! args: --strategy=dfs
/* Both threads return a pointer to the same static buffer (under a lock,
 * so no data race): whichever writes last decides what both joins see,
 * and main's check of the first thread's result fails in the
 * interleavings where the second thread wrote last.  The correct twin is
 * thread_ret_ok.c. */
#include <assert.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int result;

static void *square(void *arg)
{
	int v = (int)(intptr_t)arg;

	pthread_mutex_lock(&lock);
	result = v * v;
	pthread_mutex_unlock(&lock);
	return &result;
}

int main(void)
{
	pthread_t a, b;
	void *ra, *rb;
	int va;

	pthread_create(&a, NULL, square, (void *)(intptr_t)3);
	pthread_create(&b, NULL, square, (void *)(intptr_t)4);
	pthread_join(a, &ra);
	pthread_join(b, &rb);
	pthread_mutex_lock(&lock);
	va = *(int *)ra;
	pthread_mutex_unlock(&lock);
	assert(va == 9);
	printf("3 squared is %d\n", va);
	return 0;
}
