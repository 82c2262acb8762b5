// FreeBSD's rw(9) and sx(9) shared holders hold the lock at once: a
// counter bumped under rw_rlock or sx_slock loses updates.  weft ordered
// one reader's section before the next, and verified both.
// bsd_shared_readers_ok.c takes the exclusive side for the updates.
//! expect(bsd_rw_readers): bug assertion
//! expect(bsd_sx_readers): bug assertion
#include <sys/param.h>
#include <sys/lock.h>
#include <sys/rwlock.h>
#include <sys/sx.h>

#ifdef SHARED_LOCK_OK
#define UPDATE_RW(l) rw_wlock(l)
#define UPDATE_RW_END(l) rw_wunlock(l)
#define UPDATE_SX(l) sx_xlock(l)
#define UPDATE_SX_END(l) sx_xunlock(l)
#else
#define UPDATE_RW(l) rw_rlock(l)
#define UPDATE_RW_END(l) rw_runlock(l)
#define UPDATE_SX(l) sx_slock(l)
#define UPDATE_SX_END(l) sx_sunlock(l)
#endif

int hits_rw, hits_sx;

static struct rwlock rw;
static struct sx sx;

static void bump_rw(void *arg)
{
	(void)arg;
	UPDATE_RW(&rw);
	hits_rw++;
	UPDATE_RW_END(&rw);
}

WEFT_TEST(bsd_rw_readers)
{
	weft_thread_t t;

	rw_init(&rw, "stats_rw");
	t = weft_spawn(bump_rw, NULL);
	bump_rw(NULL);
	weft_join(t);
	weft_assert(hits_rw == 2);
	rw_destroy(&rw);
}

static void bump_sx(void *arg)
{
	(void)arg;
	UPDATE_SX(&sx);
	hits_sx++;
	UPDATE_SX_END(&sx);
}

WEFT_TEST(bsd_sx_readers)
{
	weft_thread_t t;

	sx_init(&sx, "stats_sx");
	t = weft_spawn(bump_sx, NULL);
	bump_sx(NULL);
	weft_join(t);
	weft_assert(hits_sx == 2);
	sx_destroy(&sx);
}
