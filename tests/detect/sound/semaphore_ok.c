//! expect: verified
//! args: --strategy=dfs
/* The twin of semaphore_bug.c: without the stray post the binary
 * semaphore keeps the workers apart on every interleaving. */
#include <weft/weft.h>

static weft_sem_t sem;
static weft_atomic_t inside;

static void worker(void *arg)
{
	(void)arg;
	weft_sem_wait(&sem);
	weft_assert(weft_atomic_fetch_add(&inside, 1) == 0);
	weft_atomic_fetch_add(&inside, -1);
	weft_sem_post(&sem);
}

WEFT_TEST(binary_semaphore)
{
	weft_thread_t a, b;

	weft_sem_init(&sem, 1, "sem");
	a = weft_spawn(worker, NULL);
	b = weft_spawn(worker, NULL);
	weft_join(a);
	weft_join(b);
}
