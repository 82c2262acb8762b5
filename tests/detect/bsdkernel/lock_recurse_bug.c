// sx(9) and rw(9) locks initialised with SX_RECURSE or RW_RECURSE may be
// taken again by their exclusive holder, each take undone by one unlock;
// without the flag the second take panics ("recursed on non-recursive
// sx", kern_sx.c) where weft reports a deadlock, and an rw_try_wlock by
// the holder fails.  weft dropped the flags of sx_init_flags and
// rw_init_flags, so the correct twin (lock_recurse_ok.c) was a false
// deadlock.  There, another thread that
// takes the lock must see the data as the holder leaves it at its last
// unlock, never between its inner and outer unlocks.
//! expect(sx_recurse): bug deadlock
//! expect(rw_recurse): bug assertion
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/lock.h>
#include <sys/rwlock.h>
#include <sys/sx.h>

#ifdef OK
#define SX_FLAGS SX_RECURSE
#define RW_FLAGS RW_RECURSE
#else
#define SX_FLAGS 0
#define RW_FLAGS 0
#endif

static struct sx sx;
static struct rwlock rw;
static int data;

static void sx_peek(void *arg)
{
	int v;

	(void)arg;
	sx_xlock(&sx);
	v = data;
	sx_xunlock(&sx);
	KASSERT(v != 1, ("saw the data between the inner and outer unlock"));
}

static void rw_peek(void *arg)
{
	int v;

	(void)arg;
	rw_rlock(&rw);
	v = data;
	rw_runlock(&rw);
	KASSERT(v != 1, ("saw the data between the inner and outer unlock"));
}

WEFT_TEST(sx_recurse)
{
	weft_thread_t t;

	sx_init_flags(&sx, "sx", SX_FLAGS);
	t = weft_spawn(sx_peek, NULL);
	sx_xlock(&sx);
	sx_xlock(&sx);
	sx_assert(&sx, SA_XLOCKED);
	data = 1;
	sx_xunlock(&sx);
	data = 2;
	sx_xunlock(&sx);
	weft_join(t);
	sx_destroy(&sx);
}

WEFT_TEST(rw_recurse)
{
	weft_thread_t t;

	rw_init_flags(&rw, "rw", RW_FLAGS);
	t = weft_spawn(rw_peek, NULL);
	rw_wlock(&rw);
	KASSERT(rw_try_wlock(&rw), ("a recursable rw lock's holder"));
	data = 1;
	rw_wunlock(&rw);
	data = 2;
	rw_wunlock(&rw);
	weft_join(t);
	rw_destroy(&rw);
}
