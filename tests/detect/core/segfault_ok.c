//! expect: verified
/* The correct twin: the consumer waits on a semaphore the producer posts
 * after setting the pointer. */
#include <weft/weft.h>

static int value = 7;
static weft_atomic_t ptr;
static weft_sem_t set = WEFT_SEM_INIT(0);

static void producer(void *arg)
{
	(void)arg;
	weft_atomic_store(&ptr, (long)&value);
	weft_sem_post(&set);
}

static void consumer(void *arg)
{
	(void)arg;
	weft_sem_wait(&set);
	volatile int *p = (int *)weft_atomic_load(&ptr);
	weft_assert(*p == 7);
}

WEFT_TEST(published_deref)
{
	weft_thread_t c = weft_spawn(consumer, NULL);
	weft_thread_t p = weft_spawn(producer, NULL);
	weft_join(c);
	weft_join(p);
}
