//! expect: bug data-race
//! args: --strategy=dfs
/* As frame_arg_return_bug.c, but the thread's write always comes before
 * start() returns: start() waits for a relaxed flag the thread sets after
 * its write, which orders nothing.  The write and the frame's return are
 * a data race (in another run the write comes after the return). */
#include <pthread.h>
#include <stdatomic.h>

struct args {
	int in, out;
	atomic_int done;
};

static pthread_t t;

static void *worker(void *p)
{
	struct args *a = p;

	a->out = a->in + 1;
#ifdef OK
	atomic_store_explicit(&a->done, 1, memory_order_release);
#else
	atomic_store_explicit(&a->done, 1, memory_order_relaxed);
#endif
	return NULL;
}

static __attribute__((noinline)) int start(void)
{
	struct args a = { .in = 1, .out = 0, .done = 0 };

	pthread_create(&t, NULL, worker, &a);
#ifdef OK
	while (!atomic_load_explicit(&a.done, memory_order_acquire))
		;
#else
	while (!atomic_load_explicit(&a.done, memory_order_relaxed))
		;
#endif
	return 1;
}

int main(void)
{
	int r = start();

	pthread_join(t, NULL);
	return r == 1 ? 0 : 1;
}
