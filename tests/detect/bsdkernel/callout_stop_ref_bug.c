//! expect: bug use-after-free
//! args: --strategy=dfs
/* callout(9), "Avoiding Race Conditions": an MPSAFE callout holds a
 * reference on its object while armed, and callout_stop's return value
 * says who drops it: 1, the pending run was cancelled and the caller
 * drops the callout's reference; 0, the handler is running (or has run)
 * and drops it itself.  The object, callout included, is freed by
 * whichever drops the last reference, possibly while the handler is
 * returning: softclock_call_cc does not read a callout after its handler
 * (it keeps a copy of the flags for this).  weft reported that free as a
 * misuse (a FreeBSD probe); the twin, callout_stop_ref_ok.c, must
 * verify.  This one takes any non-zero return for "stopped" and drops the
 * reference the handler drops too. */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/malloc.h>
#include <sys/callout.h>
#include <sys/refcount.h>

struct obj {
	u_int ref;
	struct callout co;
	int hits;
};

static void obj_rele(struct obj *p)
{
	if (refcount_release(&p->ref))
		free(p, M_TEMP);
}

static void obj_timeout(void *arg)
{
	struct obj *p = arg;

	p->hits++;
	obj_rele(p);
}

WEFT_TEST(callout_stop_ref)
{
	struct obj *o = malloc(sizeof *o, M_TEMP, M_WAITOK | M_ZERO);
	int r;

	refcount_init(&o->ref, 1);
	callout_init(&o->co, 1);
	refcount_acquire(&o->ref); /* the callout's */
	callout_reset(&o->co, 1, obj_timeout, o);
	r = callout_stop(&o->co);
#ifdef FIXED
	if (r > 0)
#else
	if (r != 0)
#endif
		obj_rele(o);
	obj_rele(o);
}
