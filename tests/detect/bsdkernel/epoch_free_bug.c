// epoch(9), the network stack's RCU: a reader walks to an entry inside
// NET_EPOCH_ENTER/EXIT while the writer unlinks it and frees it.  The bug
// twin frees at once, so the reader uses freed memory; the correct twin
// (epoch_free_ok.c) hands the free to NET_EPOCH_CALL, which runs it after
// every section that could still see the entry.  epoch(9) failed to
// compile before: it was not modelled (a probe of the FreeBSD tree).
//! expect: bug use-after-free
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/epoch.h>
#include <sys/malloc.h>
#include <machine/atomic.h>

struct entry {
	int key;
	struct epoch_context ctx;
};

static struct entry *table;

#ifdef OK
static void entry_free(epoch_context_t ctx)
{
	free(__containerof(ctx, struct entry, ctx), M_TEMP);
}
#endif

static void reader(void *arg)
{
	struct epoch_tracker et;
	struct entry *e;

	(void)arg;
	NET_EPOCH_ENTER(et);
	e = (struct entry *)atomic_load_acq_ptr((uintptr_t *)&table);
	if (e != NULL)
		MPASS(e->key == 7);
	NET_EPOCH_EXIT(et);
}

WEFT_TEST(epoch_free)
{
	struct entry *e = malloc(sizeof(*e), M_TEMP, M_WAITOK | M_ZERO);
	weft_thread_t r;

	e->key = 7;
	atomic_store_rel_ptr((uintptr_t *)&table, (uintptr_t)e);
	r = weft_spawn(reader, NULL);
	atomic_store_rel_ptr((uintptr_t *)&table, 0);
#ifdef OK
	NET_EPOCH_CALL(entry_free, &e->ctx);
#else
	free(e, M_TEMP);
#endif
	weft_join(r);
#ifdef OK
	NET_EPOCH_DRAIN_CALLBACKS();
#endif
}
