//! args: --strategy=dfs
//! needs: pthread
/* Pins a livelock's text on a struct's member: the spinner's million
 * lone polls named the member ("s+4") again at each, which filled the
 * execution's name pool, and the message and the trace read "(name pool
 * full)" (a helper's probe of concurrencykit's rings). */
#include <pthread.h>

static struct {
	int a, b;
} s;

static void *waiter(void *x)
{
	while (!__atomic_load_n(&s.b, __ATOMIC_ACQUIRE))
		;
	return x;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, 0, waiter, 0);
	pthread_join(t, 0);
	return 0;
}
