//! expect: bug use-after-free
//! args: --strategy=dfs
/* start() hands a new thread a pointer to a struct in its own stack frame
 * and returns without waiting for the thread to be done with it: the
 * thread writes into a frame that is gone (a later call of main's reuses
 * those bytes).  The thread is joined only at the end, so the stack itself
 * lives on; only the frame died.  It was verified in one schedule. */
#include <pthread.h>

struct args {
	int in, out;
};

static pthread_t t;

static void *worker(void *p)
{
	struct args *a = p;

	a->out = a->in + 1;
	return NULL;
}

static __attribute__((noinline)) void start(void)
{
	struct args a = { .in = 1, .out = 0 };

	pthread_create(&t, NULL, worker, &a);
#ifdef OK
	/* The fix: wait for the thread before the frame goes. */
	pthread_join(t, NULL);
#endif
}

/* Another call, whose frame lies where start's was. */
static int other(int n)
{
	volatile int y[8];
	int s = 0;

	for (int i = 0; i < 8; i++)
		y[i] = n + i;
	for (int i = 0; i < 8; i++)
		s += y[i];
	return s;
}

int main(void)
{
	start();
	int s = other(3);
#ifndef OK
	pthread_join(t, NULL);
#endif
	return s == 52 ? 0 : 1;
}
