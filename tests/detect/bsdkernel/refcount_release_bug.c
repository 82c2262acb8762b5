// refcount(9): a lookup takes a reference without the list lock while
// detach unlinks the object and drops the last reference, which frees
// it: the lookup's refcount_acquire reaches freed memory.  The correct
// twin takes its reference under the mutex detach unlinks with.
// <sys/refcount.h> was missing from weft's tree (a probe of the FreeBSD
// models).  A second test releases one reference too many: refcount(9)'s
// "negative refcount" panic, a bug of kind refcount.
//! expect(lookup_race): bug use-after-free
//! expect(double_release): bug refcount
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/lock.h>
#include <sys/malloc.h>
#include <sys/mutex.h>
#include <sys/refcount.h>

struct obj {
	volatile u_int ref;
	int data;
};
static struct mtx list_mtx;
static struct obj *head;

static void lookup(void *arg)
{
	struct obj *o;

	(void)arg;
#ifdef OK
	mtx_lock(&list_mtx);
	o = head;
	if (o)
		refcount_acquire(&o->ref);
	mtx_unlock(&list_mtx);
#else
	o = atomic_load_acq_ptr(&head);
	if (o)
		refcount_acquire(&o->ref);
#endif
	if (o) {
		o->data++;
		if (refcount_release(&o->ref))
			free(o, M_DEVBUF);
	}
}

WEFT_TEST(lookup_race)
{
	weft_thread_t t;
	struct obj *o = malloc(sizeof(*o), M_DEVBUF, M_WAITOK | M_ZERO);

	refcount_init(&o->ref, 1);
	mtx_init(&list_mtx, "list", NULL, MTX_DEF);
	head = o;
	t = weft_spawn(lookup, NULL);
	mtx_lock(&list_mtx);
	atomic_store_rel_ptr(&head, NULL);
	mtx_unlock(&list_mtx);
	if (refcount_release(&o->ref))
		free(o, M_DEVBUF);
	weft_join(t);
	mtx_destroy(&list_mtx);
}

static volatile u_int count;

static void dropper(void *arg)
{
	(void)arg;
	refcount_release(&count);
}

WEFT_TEST(double_release)
{
	weft_thread_t t;

	refcount_init(&count, 2);
	t = weft_spawn(dropper, NULL);
	refcount_release(&count);
#ifndef OK
	refcount_release(&count);
#endif
	weft_join(t);
	KASSERT(refcount_load(&count) <= 1, ("released"));
}
