//! expect: bug data-race
//! args: --strategy=dfs
/* A reference count dropped with a relaxed decrement: the last holder
 * reads the others' writes to the object and frees it, but a relaxed
 * read-modify-write orders nothing (ThreadSanitizer's semantics), so the
 * other holder's write races with the last holder's read.
 * refcount_acq_rel_ok.c drops it with acq_rel, as refcounts must. */
#include <pthread.h>
#include <stdlib.h>

struct obj {
	int use;
	int v[2];
};
static int last_sum;

static void put(struct obj *p, int me)
{
	p->v[me] = me + 1;
	if (__atomic_fetch_sub(&p->use, 1, __ATOMIC_RELAXED) == 1) {
		last_sum = p->v[0] + p->v[1];
		free(p);
	}
}

static void *holder(void *a)
{
	put(a, 1);
	return NULL;
}

int main(void)
{
	struct obj *p = malloc(sizeof *p);
	pthread_t t;

	p->use = 2;
	pthread_create(&t, NULL, holder, p);
	put(p, 0);
	pthread_join(t, NULL);
	return last_sum != 3;
}
