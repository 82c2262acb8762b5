//! expect: verified
//! args: --strategy=dfs
/* The correct twin of refcount_relaxed_bug.c: the decrement is acq_rel,
 * so each holder's writes happen before the last holder's read and free.
 * (weft reported a false data race and use-after-free here: an atomic
 * access was recorded in the epoch after its own release.) */
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
	if (__atomic_fetch_sub(&p->use, 1, __ATOMIC_ACQ_REL) == 1) {
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
