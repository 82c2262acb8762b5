//! expect: verified
//! args: --strategy=dfs
/* One thread publishes with a release store; the other waits for it with
 * an acquire load and frees the object.  The store happens before the
 * free (weft used to report the two as a data race: the store was
 * recorded in the epoch after its own release).  handoff_free_bug.c
 * publishes with a relaxed store. */
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
	__atomic_store_n(&p->ready, 1, __ATOMIC_RELEASE);
	pthread_join(t, NULL);
	return seen != 42;
}
