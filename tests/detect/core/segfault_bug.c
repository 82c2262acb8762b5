//! expect: bug crash
/* A null dereference on one interleaving: the consumer reads the pointer
 * before the producer has set it. */
#include <weft/weft.h>

static int value = 7;
static weft_atomic_t ptr;

static void producer(void *arg)
{
	(void)arg;
	weft_atomic_store(&ptr, (long)&value);
}

static void consumer(void *arg)
{
	(void)arg;
	volatile int *p = (int *)weft_atomic_load(&ptr);
	weft_assert(*p == 7);
}

WEFT_TEST(null_deref)
{
	weft_thread_t c = weft_spawn(consumer, NULL);
	weft_thread_t p = weft_spawn(producer, NULL);
	weft_join(c);
	weft_join(p);
}
