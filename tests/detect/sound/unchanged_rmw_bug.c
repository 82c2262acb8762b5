// Read-modify-writes that leave the value as it is (adding 0, an exchange
// with the value there) were steps that only read, for the explorer, so
// two of them commuted; but a seq_cst one is still a store in the
// location's modification order, and the one that goes second reads from
// the first and synchronises with it.  Here the writer's RMW releases
// `data` to the reader's only when the writer goes first; when the reader
// goes first its read of `data` races with the write.  The search ran the
// first order only and verified (a probe of SCTBench-style programs).
// Such an RMW now commutes only when relaxed and not after a release
// fence; the second case here (FENCED) is a relaxed one after a release
// fence, which the reader's acquire fence pairs with.
// unchanged_rmw_ok.c reads `data` only after seeing the writer's change.
//! expect: bug data-race
#include <pthread.h>
#include <stdatomic.h>

static atomic_int x;
static int data;

static void *writer(void *arg)
{
	(void)arg;
	data = 1;
#ifdef FENCED
	atomic_thread_fence(memory_order_release);
	atomic_fetch_add_explicit(&x, 0, memory_order_relaxed);
#elif defined(OK)
	atomic_fetch_add(&x, 1);
#else
	atomic_fetch_add(&x, 0);
#endif
	return NULL;
}

static void *reader(void *arg)
{
	(void)arg;
#ifdef FENCED
	atomic_fetch_add_explicit(&x, 0, memory_order_relaxed);
	atomic_thread_fence(memory_order_acquire);
	return (void *)(long)data;
#elif defined(OK)
	if (atomic_fetch_add(&x, 0) == 1)
		return (void *)(long)data;
	return NULL;
#else
	atomic_exchange(&x, 0);
	return (void *)(long)data;
#endif
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, writer, NULL);
	pthread_create(&b, NULL, reader, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
