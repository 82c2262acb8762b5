//! expect: bug data-race
//! args: --strategy=dfs
/* handoff_free_ok.c with a relaxed store: it orders nothing
 * (ThreadSanitizer's semantics), so the consumer's read of data races
 * with the producer's write. */
#include <pthread.h>
#include <stdlib.h>

struct obj {
	int ready;
	int data;
};
static struct obj *p;
static int seen;

static void *consumer(void *a)
{
	(void)a;
	while (__atomic_load_n(&p->ready, __ATOMIC_ACQUIRE) != 1)
		;
	seen = p->data;
	free(p);
	return NULL;
}

int main(void)
{
	pthread_t t;

	p = malloc(sizeof *p);
	p->ready = 0;
	pthread_create(&t, NULL, consumer, NULL);
	p->data = 42;
	__atomic_store_n(&p->ready, 1, __ATOMIC_RELAXED);
	pthread_join(t, NULL);
	return seen != 42;
}
