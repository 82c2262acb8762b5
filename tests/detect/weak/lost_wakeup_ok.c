//! expect: verified
//! args: --strategy=dfs
/* Lost-wakeup avoidance without a lock: the waiter registers with a
 * seq_cst fetch_add and checks the condition with a seq_cst load; the
 * waker sets the condition relaxed, fences (seq_cst) and checks for
 * waiters relaxed.  They cannot both miss each other (the fence and the
 * seq_cst operations are in one order).  weft reported a deadlock: a
 * seq_cst store before a seq_cst fence was not visible after it.
 * lost_wakeup_bug.c leaves the fence out. */
#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>

static atomic_int waiters, cond;
static sem_t sem;

static void *waiter(void *arg)
{
	(void)arg;
	atomic_fetch_add(&waiters, 1);
	if (!atomic_load(&cond))
		sem_wait(&sem);
	return NULL;
}

static void *waker(void *arg)
{
	(void)arg;
	atomic_store_explicit(&cond, 1, memory_order_relaxed);
#ifndef NO_FENCE
	atomic_thread_fence(memory_order_seq_cst);
#endif
	if (atomic_load_explicit(&waiters, memory_order_relaxed))
		sem_post(&sem);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	sem_init(&sem, 0, 0);
	pthread_create(&a, NULL, waiter, NULL);
	pthread_create(&b, NULL, waker, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
