//! expect: verified
//! args: --strategy=dfs
/* hazard_validate_bug's reader publishes its hazard pointer and loads
 * the shared pointer again until the two agree, so the updater's scan
 * after its exchange sees the hazard of every object still read. */
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
#ifdef HAZARD_VALIDATE_BUG
	p = atomic_load(&shared);
	atomic_store(&hp, p);
#else
	do {
		p = atomic_load(&shared);
		atomic_store(&hp, p);
	} while (p != atomic_load(&shared));
#endif
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
