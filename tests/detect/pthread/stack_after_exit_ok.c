//! expect: verified
//! args: --strategy=dfs
/* stack_after_exit_bug's twin: the worker publishes a heap block, which
 * main frees after reading it. */
#define GOOD 1
#include <pthread.h>
#include <stdlib.h>
struct stats { long n, sum; };
static struct stats *last;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static void *worker(void *a)
{
#ifdef GOOD
	struct stats *s = malloc(sizeof *s);
#else
	struct stats local, *s = &local;
#endif
	s->n = 1;
	s->sum = (long)a;
	pthread_mutex_lock(&m);
	last = s;
	pthread_mutex_unlock(&m);
	return NULL;
}
int main(void)
{
	pthread_t t;
	pthread_create(&t, NULL, worker, (void *)5L);
	pthread_join(t, NULL);
	long sum = last->sum;
#ifdef GOOD
	free(last);
#endif
	return sum == 5 ? 0 : 1;
}
