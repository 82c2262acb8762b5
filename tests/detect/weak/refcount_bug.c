//! expect: bug data-race
//! args: --strategy=dfs
/* A reference count whose decrements release but whose last one frees
 * without acquiring: the other thread's write to the object is not
 * ordered before the free (the fix is acq_rel, or an acquire fence before
 * the free, refcount_ok.c).  weft verified it: the free, a model's step,
 * acquired the release the atomic's step had left. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#ifndef PUT
#define PUT memory_order_release
#endif

struct obj {
	atomic_int rc;
	int data;
};

static struct obj *o;

static void put(struct obj *p)
{
	if (atomic_fetch_sub_explicit(&p->rc, 1, PUT) == 1)
		free(p);
}

static void *t1(void *arg)
{
	(void)arg;
	o->data = 1;
	put(o);
	return NULL;
}

static void *t2(void *arg)
{
	(void)arg;
	put(o);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	o = malloc(sizeof *o);
	atomic_init(&o->rc, 2);
	o->data = 0;
	pthread_create(&a, NULL, t1, NULL);
	pthread_create(&b, NULL, t2, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
