//! needs: pthread
/* Pins that the load which read an older store stays in a collapsed
 * trace: Peterson's lock with release stores, a seq_cst fence and
 * acquire loads (broken in C11), where the second thread's load of the
 * first one's flag "sees 0, not yet 1".  It was folded into "... 5 more
 * steps", the row that explains the bug hidden (a probe of pthread
 * programs). */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

static atomic_int flag[2], turn;
static int cs, counter;

static void lock(int i)
{
	atomic_store_explicit(&flag[i], 1, memory_order_release);
	atomic_store_explicit(&turn, 1 - i, memory_order_release);
	atomic_thread_fence(memory_order_seq_cst);
	while (atomic_load_explicit(&flag[1 - i], memory_order_acquire) &&
	       atomic_load_explicit(&turn, memory_order_acquire) == 1 - i)
		;
}

static void unlock(int i)
{
	atomic_store_explicit(&flag[i], 0, memory_order_release);
}

static void *th(void *arg)
{
	int i = (int)(long)arg;

	lock(i);
	cs++;
	assert(cs == 1);
	counter++;
	cs--;
	unlock(i);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, th, (void *)0L);
	pthread_create(&b, NULL, th, (void *)1L);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
