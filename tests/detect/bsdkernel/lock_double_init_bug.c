//! expect(sx_double_init): bug misuse
//! expect(rw_double_init): bug misuse
//! expect(mtx_double_init): bug misuse
/* lock_init() asserts (INVARIANTS) that a lock is not initialised twice
 * ("lock \"%s\" %p already initialized"; MTX_NEW/SX_NEW/RW_NEW exist to
 * skip it for fresh stack memory).  A re-attach that runs sx_init,
 * rw_init or mtx_init again on a live, unheld static lock without
 * destroying it is verified; weft/bsd.h even says "Initialising a mutex
 * that is already initialised is reported as misuse", but mtx.c only
 * reports a re-init of a *held* mutex (to spare stack garbage).  Statics
 * and heap start each execution zeroed/fresh, so a still-live lock there
 * could be reported.  (Minor.) */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/sx.h>
#include <sys/rwlock.h>

static struct sx sx;
static struct rwlock rw;
static struct mtx mx;

WEFT_TEST(sx_double_init)
{
	sx_init(&sx, "cfg");
#ifdef OK
	sx_destroy(&sx);
#endif
	sx_init(&sx, "cfg");
	sx_destroy(&sx);
}

WEFT_TEST(rw_double_init)
{
	rw_init(&rw, "tbl");
#ifdef OK
	rw_destroy(&rw);
#endif
	rw_init(&rw, "tbl");
	rw_destroy(&rw);
}

WEFT_TEST(mtx_double_init)
{
	mtx_init(&mx, "m", NULL, MTX_DEF);
#ifdef OK
	mtx_destroy(&mx);
#endif
	mtx_init(&mx, "m", NULL, MTX_DEF);
	mtx_destroy(&mx);
}
