//! expect: bug use-after-free
//! args: --strategy=dfs
/* A single-slot hazard pointer: the reader loads the shared pointer and
 * publishes it as its hazard, but does not load the shared pointer again
 * to validate: the updater swapped in a new object and scanned the hazard
 * before the publish, and frees the object the reader then reads.
 * hazard_validate_ok re-reads until the pointer is the published one. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

struct node { int value; };
static _Atomic(struct node *) shared;
static _Atomic(struct node *) hp;   /* the reader's hazard pointer */

static int reader_get(void)
{
	struct node *p;
	p = atomic_load(&shared);
	atomic_store(&hp, p);
	int v = p->value;
	atomic_store(&hp, NULL);
	return v;
}
static void updater_set(int v)
{
	struct node *n = malloc(sizeof *n);
	n->value = v;
	struct node *old = atomic_exchange(&shared, n);
	while (atomic_load(&hp) == old)
		;   /* wait until no hazard */
	free(old);
}
static void *reader(void *a) { (void)a; int v = reader_get(); assert(v == 1 || v == 2); return NULL; }
static void *updater(void *a) { (void)a; updater_set(2); return NULL; }
int main(void)
{
	pthread_t r, u;
	struct node *n = malloc(sizeof *n);
	n->value = 1;
	atomic_store(&shared, n);
	pthread_create(&r, NULL, reader, NULL);
	pthread_create(&u, NULL, updater, NULL);
	pthread_join(r, NULL);
	pthread_join(u, NULL);
	free(atomic_load(&shared));
	return 0;
}
